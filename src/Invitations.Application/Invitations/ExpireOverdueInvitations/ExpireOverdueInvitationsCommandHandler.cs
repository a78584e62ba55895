using Invitations.Application.Common;
using Invitations.Domain.Invitations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations.ExpireOverdueInvitations;

/// <summary>
/// Set-based, in bounded batches: each batch is its own short statement, so row locks are held briefly and
/// creates, accepts and resends keep flowing while a large backlog drains.
/// </summary>
internal sealed class ExpireOverdueInvitationsCommandHandler(IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<ExpireOverdueInvitationsCommand, int>
{
    public async Task<int> Handle(ExpireOverdueInvitationsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var total = 0;
        int changed;
        do
        {
            changed = await db.Invitations
                .Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt <= now)
                .OrderBy(i => i.ExpiresAt)
                .Take(command.BatchSize)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, InvitationStatus.Expired), cancellationToken);
            total += changed;
        }
        while (changed == command.BatchSize);

        return total;
    }
}
