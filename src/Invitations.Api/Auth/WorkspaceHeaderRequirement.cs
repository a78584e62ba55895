using Invitations.Api.ErrorHandling;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using Microsoft.AspNetCore.Authorization;

namespace Invitations.Api.Auth;

/// <summary>
/// The workspace-invite route names its workspace twice, in the path and in <c>x-workspace-id</c>: the two must agree (400),
/// the workspace must exist (404), and the key must belong to it (403).
/// </summary>
internal sealed class WorkspaceHeaderRequirement : AuthorizationHandler<WorkspaceHeaderRequirement>, IAuthorizationRequirement
{
    public const string HeaderName = "x-workspace-id";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, WorkspaceHeaderRequirement requirement)
    {
        // Without a valid key the challenge answers (401).
        if (context.Resource is not HttpContext http || context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var workspaceId = http.GetRouteValue("workspaceId") as string ?? "";
        var header = http.Request.Headers[HeaderName].ToString().Trim();
        var id = Guid.TryParse(workspaceId, out var parsed) ? new WorkspaceId(parsed) : (WorkspaceId?)null;
        if (header.Length == 0)
        {
            Refuse(ApiError.Validation("The x-workspace-id header is required."));
        }
        else if (!string.Equals(header, workspaceId, StringComparison.OrdinalIgnoreCase))
        {
            Refuse(ApiError.Validation("The x-workspace-id header must match the workspace in the path."));
        }
        else if (id is { } own && own.ToString() == Caller.WorkspaceOf(context.User))
        {
            context.Succeed(requirement);
        }
        else if (id is { } other
                 && await http.RequestServices.GetRequiredService<IWorkspaceDirectory>().FindAsync(other, http.RequestAborted) is not null)
        {
            context.Fail(); // Another workspace's key: the key's own handler answers 403.
        }
        else
        {
            Refuse(ApiError.ForRule(ErrorCodes.WorkspaceNotFound, $"Workspace {workspaceId} does not exist."));
        }

        void Refuse(ApiError error) => context.Fail(new Refusal(this, error));
    }
}
