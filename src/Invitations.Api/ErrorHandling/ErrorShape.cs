using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Template;

namespace Invitations.Api.ErrorHandling;

/// <summary>
/// Endpoint metadata of a route that answers errors in a body of its own (a seed's documented shape) instead of problem
/// details: <see cref="Body"/> makes that body from the error's sentence.
/// </summary>
internal sealed record ErrorShape(Func<string, object> Body)
{
    public static Task WriteAsync(HttpContext context, ApiError error)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        context.Features.Set(error); // what the response is, for whoever decides on it after (an idempotency key's record)
        if (error.RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (Of(context) is { } shape)
        {
            var body = shape.Body(error.Detail.Length > 0 ? error.Detail : error.Title);
            return response.WriteAsJsonAsync(body, body.GetType());
        }

        // Serialized as its runtime type: as the base type, a validation problem would lose its `errors`.
        var problem = error.ToProblem(context.Request.Path);
        return response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }

    /// <summary>The shape of the route the request is for; null for problem details.</summary>
    private static ErrorShape? Of(HttpContext context)
    {
        // The exception handler middleware clears the endpoint before handlers run; its feature keeps the original.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        if (endpoint is RouteEndpoint)
        {
            return endpoint.Metadata.GetMetadata<ErrorShape>();
        }

        // Routing answers a wrong method or a body that isn't JSON with an endpoint of its own, which carries no metadata:
        // the answer belongs to the route whose pattern the path matches.
        return context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(route => (route.RoutePattern, Shape: route.Metadata.GetMetadata<ErrorShape>()))
            .FirstOrDefault(route => route.Shape is not null
                && new TemplateMatcher(new RouteTemplate(route.RoutePattern), []).TryMatch(context.Request.Path, []))
            .Shape;
    }
}
