using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Authorization;
using Invitations.Application.Workspaces.InvitationPolicies;
using Invitations.Application.Workspaces.Seats;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.Endpoints;

/// <summary>A workspace's seats (any key) and its invitation policy (owner or admin key), contract §12.</summary>
internal static class WorkspaceRuleEndpoints
{
    public static IEndpointRouteBuilder MapWorkspaceRuleEndpoints(this IEndpointRouteBuilder app)
    {
        var workspace = app.MapGroup("/v1/workspaces/{workspaceId:guid}")
            .RequireAuthorization(AuthSetup.WorkspacePolicy)
            .WithTags("Seats and policy")
            .ProducesProblems(400, 401, 403, 404, 503);

        workspace.MapGet("/seats", SeatsAsync).WithName("GetSeats")
            .WithSummary("Seats in use (members and pending invitations not past their expiry) against the workspace's limit");
        workspace.MapGet("/invitation-policy", PolicyAsync).WithName("GetInvitationPolicy")
            .WithSummary("Who may invite whom: domain rules, the longest lifetime, the inviting roles");
        workspace.MapPut("/invitation-policy", SetPolicyAsync).WithName("SetInvitationPolicy")
            .WithSummary("Replace the invitation policy; an absent field takes its default");

        app.MapGroup("/v1/admin/workspaces/{workspaceId:guid}")
            .RequireAuthorization(AuthSetup.OperatorPolicy)
            .WithTags("Operator")
            .ProducesProblems(400, 401, 403, 404, 503)
            .MapPut("/seats", SetSeatLimitAsync).WithName("SetSeatLimit")
            .WithSummary("Set the workspace's seat limit (null: none); lowering it below what is in use removes nothing");
        return app;
    }

    private static async Task<Ok<SeatsResponse>> SeatsAsync(HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetSeatsQuery(http.Actor().WorkspaceId), cancellationToken));

    private static async Task<Ok<InvitationPolicyResponse>> PolicyAsync(HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetInvitationPolicyQuery(http.Actor()), cancellationToken));

    private static async Task<Ok<InvitationPolicyResponse>> SetPolicyAsync(
        InvitationPolicyRequest body, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        // A key that may not set it learns nothing of what is wrong with its body.
        await mediator.Send(new CheckCallerRuleQuery(http.Actor(), CallerRule.MayManagePolicy), cancellationToken);
        return TypedResults.Ok(await mediator.Send(
            new SetInvitationPolicyCommand(http.Actor(), body.AllowedDomains, body.BlockedDomains, body.MaxExpiresInDays, body.InviterRoles),
            cancellationToken));
    }

    private static async Task<Ok<SeatsResponse>> SetSeatLimitAsync(
        Guid workspaceId, SeatLimitRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SetSeatLimitCommand(new WorkspaceId(workspaceId), body.SeatLimit), cancellationToken));
}
