using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Api.Middleware;
using Invitations.Application.Authorization;
using Invitations.Application.Invitations.CreateInvitation;
using MediatR;

namespace Invitations.Api.Compatibility;

/// <summary>
/// The workspace-invite route: the seed's invite endpoint, body and error shapes as documented there. <c>x-api-key</c> plus an
/// <c>x-workspace-id</c> that repeats the path's workspace, which its policy checks (<see cref="WorkspaceHeaderRequirement"/>).
/// </summary>
internal static class WorkspaceInviteEndpoints
{
    private static readonly string[] AllowedRoles = ["admin", "editor", "viewer"];

    public static IEndpointRouteBuilder MapWorkspaceInviteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/api/workspaces/{workspaceId}/invite", InviteAsync)
            .RequireAuthorization(AuthSetup.WorkspaceHeaderPolicy)
            .Produces<WorkspaceInviteResponse>()
            .WithErrorShape(message => new WorkspaceInviteResponse(false, message), 400, 401, 403, 404, 409, 429, 503)
            .WithTags("Compatibility")
            .WithName("CompatInviteMember")
            .Idempotent(CallerRule.MayInvite)
            .WithSummary("Invite a member to a workspace (workspace-invite compatibility route)");
        return app;
    }

    private static async Task<IResult> InviteAsync(
        WorkspaceInviteRequest body, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var invitation = await mediator.Send(
            new CreateInvitationCommand(http.Actor(), body.Email, body.Role, AllowedRoles: AllowedRoles), cancellationToken);
        return TypedResults.Ok(new WorkspaceInviteResponse(true, $"Invitation sent to {invitation.Email}"));
    }
}
