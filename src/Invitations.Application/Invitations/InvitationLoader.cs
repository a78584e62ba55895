using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations;

internal static class InvitationLoader
{
    /// <summary>Loads an invitation of the actor's own workspace; any other workspace's reads as not found.</summary>
    public static async Task<Invitation> LoadInvitationAsync(
        this IInvitationsDbContext db, Actor actor, InvitationId id, CancellationToken cancellationToken) =>
        await db.Invitations.SingleOrDefaultAsync(i => i.Id == id && i.WorkspaceId == actor.WorkspaceId, cancellationToken)
        ?? throw InvitationErrors.NotFound();

    public static Task<Invitation?> FindByTokenAsync(
        this IQueryable<Invitation> invitations, string token, CancellationToken cancellationToken)
    {
        var hash = SecretToken.HashOf(token);
        return invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }
}
