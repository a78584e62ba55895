using Invitations.Application.Workspaces;
using Invitations.Application.Workspaces.Seats;
using Invitations.Domain.Workspaces;
using Invitations.Infrastructure.Persistence.Creates;

namespace Invitations.Infrastructure.Persistence.Seats;

/// <summary>Counts a workspace's seats (CountSeats.sql) on the unit of work's connection, in its transaction when one runs.</summary>
internal sealed class WorkspaceSeats(InvitationsDbContext db) : ISeats
{
    public Task<SeatCount> CountAsync(WorkspaceId workspaceId, DateTimeOffset now, CancellationToken cancellationToken) =>
        CountAsync(workspaceId, now, false, cancellationToken);

    public Task<SeatCount> LockAndCountAsync(WorkspaceId workspaceId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null
            ? throw new InvalidOperationException("The admission lock lasts for a transaction: take it inside one.")
            : CountAsync(workspaceId, now, true, cancellationToken);

    private async Task<SeatCount> CountAsync(WorkspaceId workspaceId, DateTimeOffset now, bool locking, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(SqlText.Of<WorkspaceSeats>("CountSeats"), cancellationToken);
        command.Parameters.AddWithValue("lock", locking);
        command.Parameters.AddWithValue("lock_class", CreateLock.Class);
        command.Parameters.AddWithValue("lock_key", CreateLock.KeyOf(workspaceId));
        command.Parameters.AddWithValue("workspace_id", workspaceId.Value);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.SkipToResultWithAsync("seat_limit", cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SeatCount(reader.Get<int?>("seat_limit"), reader.Get<int>("members"), reader.Get<int>("pending"))
            : throw WorkspaceLoader.NotFound(workspaceId);
    }
}
