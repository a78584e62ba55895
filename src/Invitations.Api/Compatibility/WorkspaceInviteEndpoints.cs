using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Api.Compatibility;

/// <summary>Compatibility route B: <c>x-api-key</c> plus an <c>x-workspace-id</c> that must repeat the path's workspace.</summary>
internal static class WorkspaceInviteEndpoints
{
    /// <summary>Where this API's routes live, also how errors raised before routing know to answer in its shape.</summary>
    public const string PathPrefix = "/v1/api/workspaces";

    private static readonly string[] AllowedRoles = ["admin", "editor", "viewer"];

    public sealed record InviteRequest(string? Email, string? Role);

    public sealed record InviteResponse(bool Success, string Message);

    public static IEndpointRouteBuilder MapWorkspaceInviteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(PathPrefix + "/{workspaceId}/invite", InviteAsync)
            .RequireAuthorization(AuthSetup.ApiKeyPolicy)
            .WithMetadata(new ErrorShapeMetadata(ErrorShape.SuccessMessage))
            .WithTags("Compatibility")
            .WithName("CompatInviteMember")
            .WithSummary("Invite a member to a workspace (compatibility route B)");
        return app;
    }

    private static async Task<IResult> InviteAsync(
        string workspaceId, InviteRequest body, HttpContext http, IMediator mediator, IWorkspaceDirectory workspaces,
        CancellationToken cancellationToken)
    {
        var header = http.Request.Headers["x-workspace-id"].ToString().Trim();
        if (header.Length == 0)
        {
            throw new DomainException(ErrorCodes.Validation, "The x-workspace-id header is required.");
        }

        if (!string.Equals(header, workspaceId, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(ErrorCodes.Validation, "The x-workspace-id header must match the workspace in the path.");
        }

        var actor = http.Actor();
        if (!Guid.TryParse(workspaceId, out var id) || (actor.WorkspaceId.Value != id
                && await workspaces.FindAsync(new WorkspaceId(id), cancellationToken) is null))
        {
            throw new DomainException(ErrorCodes.WorkspaceNotFound, $"Workspace {workspaceId} does not exist.");
        }

        if (actor.WorkspaceId.Value != id)
        {
            throw new DomainException(ErrorCodes.Forbidden, "This API key belongs to another workspace.");
        }

        var invitation = await mediator.Send(
            new CreateInvitationCommand(actor, body.Email, body.Role, AllowedRoles: AllowedRoles), cancellationToken);
        return TypedResults.Ok(new InviteResponse(true, $"Invitation sent to {invitation.Email}"));
    }
}
