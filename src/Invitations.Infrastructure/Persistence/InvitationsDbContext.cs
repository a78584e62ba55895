using System.Diagnostics;
using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invitations.Infrastructure.Persistence;

public sealed class InvitationsDbContext(DbContextOptions<InvitationsDbContext> options, DomainEventDispatcher? dispatcher = null)
    : DbContext(options), IInvitationsDbContext
{
    internal const string UserIdSequence = "user_ids";
    internal const string TraceParent = "TraceParent";

    private readonly List<IDomainEvent> _held = [];
    private bool _heldMayOweWebhooks;

    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<InvitationDelivery> InvitationDeliveries => Set<InvitationDelivery>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public async Task<long> NextUserIdAsync(CancellationToken cancellationToken) =>
        await Database.SqlQuery<long>($"SELECT nextval('user_ids') AS \"Value\"").SingleAsync(cancellationToken);

    public void DiscardChanges() => ChangeTracker.Clear();

    public async Task<T> AtomicallyAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        // This method makes the work atomic; EF Core's own savepoint around each save inside it would be two round trips more.
        var autoSavepoints = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = false;
        try
        {
            return await InOneTransactionAsync(work, cancellationToken);
        }
        finally
        {
            Database.AutoSavepointsEnabled = autoSavepoints;
        }
    }

    private async Task<T> InOneTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is { } outer)
        {
            const string savepoint = "atomically";
            await outer.CreateSavepointAsync(savepoint, cancellationToken);
            try
            {
                var result = await work();
                await outer.ReleaseSavepointAsync(savepoint, cancellationToken);
                return result;
            }
            catch
            {
                await outer.RollbackToSavepointAsync(savepoint, cancellationToken);
                throw;
            }
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            ReleaseHeldEvents();
            return result;
        }
        catch
        {
            DropHeldEvents();
            throw;
        }
    }

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var aggregates = ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList();
        var events = aggregates.SelectMany(a => a.DomainEvents).ToList();

        // The database writes an event (and its deliveries) with every invitation change it reports; the dispatcher should look.
        var mayOweWebhooks = ChangeTracker.Entries().Any(e => e is { State: EntityState.Added or EntityState.Modified, Entity: Invitation or InvitationDelivery or WebhookDelivery });

        // The outbox: a delivery is written in the same transaction as the change that owes it, with the trace it was owed in.
        foreach (var requested in events.OfType<InvitationDeliveryRequested>())
        {
            if (Entry(requested.Delivery).State == EntityState.Detached)
            {
                var entry = InvitationDeliveries.Add(requested.Delivery);
                if (requested.Delivery.Status == DeliveryStatus.Pending && Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
                {
                    entry.Property<string?>(TraceParent).CurrentValue = activity.Id;
                }
            }
        }

        // Every save here is one small batch, which Npgsql runs atomically (an implicit transaction); EF Core's own
        // transaction would only add a round trip for its COMMIT to every create, resend and accept.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        int written;
        try
        {
            written = await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new DomainException(ErrorCodes.Concurrency, "Someone else changed this at the same moment; try again.") { Source = e.Source };
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
                                          && UniqueViolations.Translate(unique.ConstraintName) is { } rule)
        {
            throw rule;
        }

        aggregates.ForEach(a => a.ClearDomainEvents());
        _held.AddRange(events);
        _heldMayOweWebhooks |= mayOweWebhooks;
        if (Database.CurrentTransaction is null)
        {
            ReleaseHeldEvents();
        }

        return written;
    }

    /// <summary>
    /// After a commit: what the saves since the last one owe wakes the dispatchers. Inside a transaction (an idempotency key's)
    /// a dispatcher woken at the save would look before the commit and find nothing.
    /// </summary>
    internal void ReleaseHeldEvents()
    {
        if (dispatcher is not null && (_held.Count > 0 || _heldMayOweWebhooks))
        {
            dispatcher.Dispatch(_held, _heldMayOweWebhooks);
        }

        DropHeldEvents();
    }

    /// <summary>After a rollback: nothing the saves wrote is owed.</summary>
    internal void DropHeldEvents()
    {
        _held.Clear();
        _heldMayOweWebhooks = false;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasSequence<long>(UserIdSequence).StartsAt(1000);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InvitationsDbContext).Assembly);
    }
}
