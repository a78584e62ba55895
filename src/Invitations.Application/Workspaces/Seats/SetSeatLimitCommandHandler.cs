using Invitations.Application.Common;
using MediatR;

namespace Invitations.Application.Workspaces.Seats;

/// <summary>
/// Under the workspace's admission lock, so that nothing taking a seat runs between the change and the count it answers with.
/// Lowering the limit below what is in use removes nothing: it only refuses what would need a seat.
/// </summary>
internal sealed class SetSeatLimitCommandHandler(IInvitationsDbContext db, ISeats seats, TimeProvider clock)
    : IRequestHandler<SetSeatLimitCommand, SeatsResponse>
{
    public async Task<SeatsResponse> Handle(SetSeatLimitCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.AtomicallyAsync(
            async () =>
            {
                var workspace = await db.LoadWorkspaceAsync(command.WorkspaceId, cancellationToken);
                await seats.LockAndCountAsync(command.WorkspaceId, now, cancellationToken);
                workspace.SetSeatLimit(command.SeatLimit);
                await db.SaveChangesAsync(cancellationToken);
                return SeatsResponse.From(await seats.CountAsync(command.WorkspaceId, now, cancellationToken));
            },
            cancellationToken);
    }
}
