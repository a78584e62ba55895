using System.Diagnostics;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Invitations.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Invitations.Infrastructure.Persistence.UnitOfWork;

/// <summary>
/// The email outbox's writing side: each link an aggregate gave out is a delivery row saved with the change that owes it,
/// stamped with the W3C traceparent of the request it was owed in (the dispatch's span links to it).
/// </summary>
internal sealed class OutboxInterceptor : SaveChangesInterceptor
{
    public const string TraceParent = "TraceParent";

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = eventData.Context!;
        var requested = db.ChangeTracker.Entries<AggregateRoot>()
            .SelectMany(a => a.Entity.DomainEvents.OfType<InvitationDeliveryRequested>())
            .ToList();
        foreach (var delivery in requested.Select(r => r.Delivery).Where(d => db.Entry(d).State == EntityState.Detached))
        {
            var entry = db.Add(delivery);
            if (delivery.Status == DeliveryStatus.Pending && Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
            {
                entry.Property<string?>(TraceParent).CurrentValue = activity.Id;
            }
        }

        return ValueTask.FromResult(result);
    }
}
