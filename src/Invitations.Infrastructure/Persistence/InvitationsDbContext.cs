using Invitations.Application.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using Invitations.Infrastructure.Persistence.UnitOfWork;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// The model and its unit of work. What a save also owes — outbox rows, webhook events, wake-ups after the commit — is done by
/// the interceptors in <see cref="UnitOfWork"/>; this class only turns the rules the database decides into their errors.
/// </summary>
public sealed class InvitationsDbContext : DbContext, IInvitationsDbContext
{
    internal const string UserIdSequence = "user_ids";

    private readonly PendingCommit _pending = new();
    private int _pendingLease;

    public InvitationsDbContext(DbContextOptions<InvitationsDbContext> options)
        : base(options)
    {
        // Every save is one small batch, which Npgsql runs atomically (an implicit transaction); EF Core's own transaction
        // would only add a round trip for its COMMIT to every create, resend and accept.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
    }

    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<InvitationDelivery> InvitationDeliveries => Set<InvitationDelivery>();

    public DbSet<OptOut> OptOuts => Set<OptOut>();

    public DbSet<JoinLink> JoinLinks => Set<JoinLink>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>
    /// What the saves since the last commit owe once it happens (see <see cref="AfterCommitInterceptor"/>). Contexts are pooled: a
    /// new lease starts with nothing owed, whatever a failed transaction of the last one left.
    /// </summary>
    internal PendingCommit Pending
    {
        get
        {
            if (_pendingLease != ContextId.Lease)
            {
                _pending.Reset();
                _pendingLease = ContextId.Lease;
            }

            return _pending;
        }
    }

    public async Task<long> NextUserIdAsync(CancellationToken cancellationToken) =>
        await Database.SqlQuery<long>($"SELECT nextval('user_ids') AS \"Value\"").SingleAsync(cancellationToken);

    public void DiscardChanges() => ChangeTracker.Clear();

    public Task<T> AtomicallyAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken) =>
        Transactions.AtomicallyAsync(this, work, cancellationToken);

    /// <summary>Saves, and answers a rule the database enforced (a unique index, a concurrent change) as that rule's error.</summary>
    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseRules.Translate(e) is { } rule)
        {
            throw rule;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasSequence<long>(UserIdSequence).StartsAt(1000);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InvitationsDbContext).Assembly);
    }
}
