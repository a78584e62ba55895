namespace Invitations.Api.ErrorHandling;

/// <summary>Declares a route's error answers once, for the wire and for the OpenAPI document alike.</summary>
internal static class ErrorResponses
{
    /// <summary>Errors answered in <typeparamref name="TBody"/> (a seed's own shape) and documented with its schema.</summary>
    public static RouteHandlerBuilder WithErrorShape<TBody>(this RouteHandlerBuilder route, Func<string, TBody> body, params int[] statuses)
        where TBody : notnull
    {
        route.WithMetadata(new ErrorShape(message => body(message)));
        foreach (var status in statuses)
        {
            route.Produces<TBody>(status);
        }

        return route;
    }

    /// <summary>Problem details (RFC 9457) for each status; a 400 carries the validation problem's <c>errors</c>.</summary>
    public static RouteGroupBuilder ProducesProblems(this RouteGroupBuilder group, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _ = status == 400 ? group.ProducesValidationProblem() : group.ProducesProblem(status);
        }

        return group;
    }
}
