using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Invitations.CreateInvitation;

/// <summary>
/// Writes new invitations. Every create takes its workspace's create lock (shared, or exclusive when counting exactly) and
/// draws one value from the create counter, in the transaction that inserts it: that is what keeps the daily limit exact.
/// </summary>
public interface IInvitationStore
{
    /// <summary>
    /// Inserts the invitation with what it owes — its delivery row, and its <c>invitation.created</c> event with a delivery for
    /// each endpoint that subscribes — in one round trip and one transaction, if <paramref name="allowance"/> holds. An address
    /// that already has a pending invitation is refused (<c>duplicate-pending</c>) and nothing is written. Before the limits, the
    /// same statement checks what the create was decided on, as <see cref="InsertOutcome.Refusal"/>: the workspace's and the
    /// team's rows still at <paramref name="version"/>, the address no member's and not opted out.
    /// </summary>
    Task<InsertOutcome> InsertAsync(Invitation invitation, CreateAllowance allowance, ReadingVersion version, CancellationToken cancellationToken);

    /// <summary>
    /// For a set-based create in the caller's transaction: takes the workspace's create lock exclusively, draws
    /// <paramref name="creating"/> values from the create counter, and returns the workspace's creates since
    /// <paramref name="since"/> (counting stops at <paramref name="limit"/>).
    /// </summary>
    Task<int> LockForCreatesAsync(WorkspaceId workspaceId, DateTimeOffset since, int limit, int creating, CancellationToken cancellationToken);
}
