using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.JoinLinks;

internal static class JoinLinkLoader
{
    /// <summary>
    /// A link of the actor's own workspace, for an owner or admin (<paramref name="tracked"/> to change it); any other workspace's
    /// reads as not found.
    /// </summary>
    public static async Task<JoinLink> LoadJoinLinkAsync(
        this IInvitationsDbContext db, Actor actor, JoinLinkId id, bool tracked, CancellationToken cancellationToken)
    {
        JoinLink.EnsureMayManage(actor);
        var links = tracked ? db.JoinLinks : db.JoinLinks.AsNoTracking();
        return await links.SingleOrDefaultAsync(l => l.Id == id && l.WorkspaceId == actor.WorkspaceId, cancellationToken)
               ?? throw new DomainException(ErrorCodes.JoinLinkNotFound, "There is no join link with this id in this workspace.");
    }

    /// <summary>The link whose current token is <paramref name="token"/>; a token a rotation replaced opens nothing (404, no detail why).</summary>
    public static async Task<JoinLink> FindJoinLinkAsync(this IInvitationsDbContext db, string token, CancellationToken cancellationToken)
    {
        var hash = SecretToken.HashOf(token);
        return await db.JoinLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken)
               ?? throw new DomainException(ErrorCodes.JoinLinkNotFound, "No such join link.");
    }
}
