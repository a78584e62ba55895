using Invitations.Application.Common;
using Invitations.Application.Invitations;
using Invitations.Application.Webhooks.Events;
using Invitations.Domain.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Invitations.Infrastructure.Persistence.UnitOfWork;

/// <summary>
/// Each change an invitation reports (its domain events) becomes its webhook event in the same save, rendered in C# from the
/// aggregate by the mapper GET uses. A save that fails leaves no rendered rows behind: the next attempt renders afresh.
/// </summary>
internal sealed class WebhookEventsInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = (InvitationsDbContext)eventData.Context!;
        db.Pending.ForgetUnsavedRows(db);
        var now = clock.GetUtcNow();
        var owed = new List<OwedEvent>();
        foreach (var invitation in db.ChangeTracker.Entries<Invitation>().Select(e => e.Entity).Where(i => i.DomainEvents.Count > 0))
        {
            var email = EmailState.Of(await NewestDeliveryAsync(db, invitation, cancellationToken));
            owed.AddRange(invitation.DomainEvents.Select(change => InvitationWebhookEvents.Of(change, invitation, email, now)).OfType<OwedEvent>());
        }

        db.Pending.RememberUnsavedRows(await new WebhookPublisher(db).PublishAsync(owed, now, cancellationToken));
        return result;
    }

    /// <summary>The invitation's newest delivery, as tracked in this unit of work, or else as stored.</summary>
    private static async Task<InvitationDelivery?> NewestDeliveryAsync(
        IInvitationsDbContext db, Invitation invitation, CancellationToken cancellationToken) =>
        ((InvitationsDbContext)db).ChangeTracker.Entries<InvitationDelivery>()
            .Select(e => e.Entity)
            .FirstOrDefault(d => d.InvitationId == invitation.Id && d.Number == invitation.DeliveryVersion)
        ?? await db.InvitationDeliveries.AsNoTracking()
            .SingleOrDefaultAsync(d => d.InvitationId == invitation.Id && d.Number == invitation.DeliveryVersion, cancellationToken);
}
