using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces.Seats;

/// <summary>
/// A workspace's seats as the database counts them. Everything that takes a seat (a create, a direct member add, reviving an
/// expired invitation) and a change of the limit takes the workspace's admission lock first, in its own transaction, so
/// that the count it checks is exact on any number of nodes (contract §12).
/// </summary>
public interface ISeats
{
    Task<SeatCount> CountAsync(WorkspaceId workspaceId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// In the caller's transaction: takes the workspace's admission lock exclusively, then counts — for a check before taking a
    /// seat, so a workspace without a limit is not counted (its members and pending show as 0).
    /// </summary>
    Task<SeatCount> LockAndCountAsync(WorkspaceId workspaceId, DateTimeOffset now, CancellationToken cancellationToken);
}
