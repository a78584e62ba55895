using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Invitations.LiftOptOut;
using Invitations.Application.Invitations.ListOptOuts;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.Endpoints;

/// <summary>The addresses that declined with "don't invite me again", and lifting that (owner or admin key).</summary>
internal static class OptOutEndpoints
{
    public static IEndpointRouteBuilder MapOptOutEndpoints(this IEndpointRouteBuilder app)
    {
        var optOuts = app.MapGroup("/v1/workspaces/{workspaceId:guid}/opt-outs")
            .RequireAuthorization(AuthSetup.WorkspacePolicy)
            .WithTags("Invitations")
            .ProducesProblems(400, 401, 403, 404, 503);

        optOuts.MapGet("/", ListAsync).WithName("ListOptOuts")
            .WithSummary("Addresses that declined and asked not to be invited to this workspace again, newest first");
        optOuts.MapDelete("/{email}", LiftAsync).WithName("LiftOptOut")
            .WithSummary("Lift an address's opt-out: it may be invited again");
        return app;
    }

    private static async Task<Ok<ItemsResponse<OptOutResponse>>> ListAsync(HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<OptOutResponse>(await mediator.Send(new ListOptOutsQuery(http.Actor()), cancellationToken)));

    private static async Task<NoContent> LiftAsync(string email, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new LiftOptOutCommand(http.Actor(), email), cancellationToken);
        return TypedResults.NoContent();
    }
}
