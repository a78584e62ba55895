using System.Globalization;
using System.Security.Claims;
using Invitations.Domain.Workspaces;

namespace Invitations.Api.Auth;

/// <summary>The authenticated member, carried as claims between authentication and the endpoint.</summary>
internal static class Caller
{
    private const string WorkspaceClaim = "workspace_id";
    private const string UserClaim = "user_id";
    private const string EmailClaim = "email";
    private const string RoleClaim = "role";

    public static IEnumerable<Claim> ToClaims(Actor actor) =>
    [
        new(WorkspaceClaim, actor.WorkspaceId.ToString()),
        new(UserClaim, actor.UserId.ToString(CultureInfo.InvariantCulture)),
        new(EmailClaim, actor.Email),
        new(RoleClaim, actor.Role.Name()),
    ];

    public static Actor Actor(this HttpContext context)
    {
        var user = context.User;
        return new Actor(
            new WorkspaceId(Guid.Parse(user.FindFirstValue(WorkspaceClaim)!)),
            long.Parse(user.FindFirstValue(UserClaim)!, CultureInfo.InvariantCulture),
            user.FindFirstValue(EmailClaim)!,
            Roles.Parse(user.FindFirstValue(RoleClaim)!));
    }

    public static string? WorkspaceOf(ClaimsPrincipal user) => user.FindFirstValue(WorkspaceClaim);
}
