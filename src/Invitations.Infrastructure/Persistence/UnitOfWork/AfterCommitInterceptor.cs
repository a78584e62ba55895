using System.Data.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Invitations.Infrastructure.Persistence.UnitOfWork;

/// <summary>
/// Hands what a save owes (its domain events; whether it wrote owed emails or webhook deliveries) to <see cref="CommittedEvents"/>
/// once it is committed: at once for a save of its own, at the commit of the transaction around it otherwise, never after a
/// rollback. A dispatcher woken before the commit would look and find nothing.
/// </summary>
internal sealed class AfterCommitInterceptor(CommittedEvents committed) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = (InvitationsDbContext)eventData.Context!;
        var entries = db.ChangeTracker.Entries().ToList();
        db.Pending.Saving(
            entries.Any(e => e is { State: EntityState.Added, Entity: InvitationDelivery { Status: DeliveryStatus.Pending } }),
            entries.Any(e => e is { State: EntityState.Added or EntityState.Modified, Entity: WebhookDelivery { Status: WebhookDeliveryStatus.Pending } }));
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var db = (InvitationsDbContext)eventData.Context!;
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList();
        db.Pending.Saved(aggregates.SelectMany(a => a.DomainEvents));
        aggregates.ForEach(a => a.ClearDomainEvents());
        if (db.Database.CurrentTransaction is null)
        {
            Release(db);
        }

        return ValueTask.FromResult(result);
    }

    /// <summary>A write of its own (a raw statement) saved <paramref name="aggregate"/>: owed as an EF save would owe it.</summary>
    public void Saved(InvitationsDbContext db, AggregateRoot aggregate, bool emailsOwed, bool webhooksOwed)
    {
        db.Pending.Owe(emailsOwed, webhooksOwed);
        db.Pending.Saved(aggregate.DomainEvents.ToList());
        aggregate.ClearDomainEvents();
        if (db.Database.CurrentTransaction is null)
        {
            Release(db);
        }
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Of(eventData)?.Pending.Clear(); // anything left is a failed transaction's
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Of(eventData) is { } db)
        {
            Release(db);
        }

        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Of(eventData)?.Pending.Clear();
        return Task.CompletedTask;
    }

    public Task CreatedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        Of(eventData)?.Pending.Savepoint();
        return Task.CompletedTask;
    }

    public Task RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        Of(eventData)?.Pending.RollBackToSavepoint();
        return Task.CompletedTask;
    }

    public Task ReleasedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        Of(eventData)?.Pending.ReleaseSavepoint();
        return Task.CompletedTask;
    }

    private void Release(InvitationsDbContext db)
    {
        var (events, emails, webhooks) = db.Pending.Take();
        committed.Dispatch(events, emails, webhooks);
    }

    private static InvitationsDbContext? Of(TransactionEventData eventData) => eventData.Context as InvitationsDbContext;
}
