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
        var changed = db.ChangeTracker.Entries<Invitation>().Select(e => e.Entity).Where(i => i.DomainEvents.Count > 0).ToList();
        if (changed.Count == 0)
        {
            return result;
        }

        var now = clock.GetUtcNow();
        var newest = await NewestDeliveriesAsync(db, changed, cancellationToken);
        var owed = changed
            .SelectMany(i => i.DomainEvents.Select(change => InvitationWebhookEvents.Of(change, i, EmailState.Of(newest.GetValueOrDefault(i.Id)), now)))
            .OfType<OwedEvent>()
            .ToList();
        db.Pending.RememberUnsavedRows(await new WebhookPublisher(db).PublishAsync(owed, now, cancellationToken));
        return result;
    }

    /// <summary>Each invitation's newest delivery, as tracked in this unit of work or else as stored (one query for the rest).</summary>
    private static async Task<Dictionary<InvitationId, InvitationDelivery>> NewestDeliveriesAsync(
        InvitationsDbContext db, List<Invitation> invitations, CancellationToken cancellationToken)
    {
        var versions = invitations.ToDictionary(i => i.Id, i => i.DeliveryVersion);
        var newest = db.ChangeTracker.Entries<InvitationDelivery>()
            .Select(e => e.Entity)
            .Where(d => versions.TryGetValue(d.InvitationId, out var version) && d.Number == version)
            .ToDictionary(d => d.InvitationId);
        var missing = invitations.Where(i => i.DeliveryVersion > 0 && !newest.ContainsKey(i.Id)).Select(i => i.Id).ToList();
        if (missing.Count > 0)
        {
            var stored = await db.InvitationDeliveries.AsNoTracking()
                .Where(d => missing.Contains(d.InvitationId))
                .ToListAsync(cancellationToken);
            foreach (var delivery in stored.Where(d => d.Number == versions[d.InvitationId]))
            {
                newest[delivery.InvitationId] = delivery;
            }
        }

        return newest;
    }
}
