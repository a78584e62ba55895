using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations;

internal static class InvitationLoader
{
    private const int MaxAttempts = 3;

    /// <summary>Loads an invitation of the actor's own workspace, with its newest delivery; any other workspace's reads as not found.</summary>
    public static async Task<InvitationWithDelivery> LoadInvitationAsync(
        this IInvitationsDbContext db, Actor actor, InvitationId id, CancellationToken cancellationToken) =>
        await db.Invitations.Where(i => i.Id == id && i.WorkspaceId == actor.WorkspaceId).WithNewestDelivery(db).SingleOrDefaultAsync(cancellationToken)
        ?? throw InvitationErrors.NotFound();

    /// <summary>
    /// Runs <paramref name="attempt"/> (read, change, save) again from a fresh read if the row changed meanwhile. The email
    /// job writes to invitation rows too (new token, delivery status); that must not turn a valid request into a conflict.
    /// A retry re-checks the rules, so a real conflict (say, accepted meanwhile) still fails as such.
    /// </summary>
    public static async Task<T> RetryOnConcurrentChangeAsync<T>(this IInvitationsDbContext db, Func<Task<T>> attempt)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt();
            }
            catch (DomainException e) when (e.Code == ErrorCodes.Concurrency && n < MaxAttempts)
            {
                db.DiscardChanges();
            }
        }
    }

    /// <summary>
    /// Loads, changes and saves an invitation of the actor's workspace, retrying on a concurrent change. Returns it with its
    /// newest delivery: the one the change gave out, if it gave one out.
    /// </summary>
    public static Task<InvitationWithDelivery> ChangeInvitationAsync(
        this IInvitationsDbContext db, Actor actor, InvitationId id, Action<Invitation> change, CancellationToken cancellationToken) =>
        db.RetryOnConcurrentChangeAsync(async () =>
        {
            var loaded = await db.LoadInvitationAsync(actor, id, cancellationToken);
            change(loaded.Invitation);
            var changed = new InvitationWithDelivery { Invitation = loaded.Invitation, Delivery = loaded.Invitation.NewestDelivery() ?? loaded.Delivery };
            await db.SaveChangesAsync(cancellationToken);
            return changed;
        });
}
