using Invitations.Domain.Invitations;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Common;

public interface IInvitationsDbContext
{
    DbSet<Workspace> Workspaces { get; }

    DbSet<Member> Members { get; }

    DbSet<ApiKey> ApiKeys { get; }

    DbSet<Invitation> Invitations { get; }

    DbSet<InvitationDelivery> InvitationDeliveries { get; }

    DbSet<OptOut> OptOuts { get; }

    DbSet<JoinLink> JoinLinks { get; }

    DbSet<WebhookEndpoint> WebhookEndpoints { get; }

    DbSet<WebhookEvent> WebhookEvents { get; }

    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    /// <summary>Draws a member id from the sequence invitations reserve theirs from.</summary>
    Task<long> NextUserIdAsync(CancellationToken cancellationToken);

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> all or nothing: in a transaction of its own, or, when the caller's is open (an idempotency
    /// key's), inside it up to a savepoint, so that failing work leaves the caller's transaction usable.
    /// </summary>
    Task<T> AtomicallyAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Forgets every loaded entity and unsaved change, so that a retry starts from the rows as they are now.</summary>
    void DiscardChanges();
}
