using Invitations.Application.Common;
using MediatR;

namespace Invitations.Application.Invitations.ExpireOverdueInvitations;

/// <summary>
/// Set-based, in bounded batches: each batch is its own short statement, so row locks are held briefly and
/// creates, accepts and resends keep flowing while a large backlog drains.
/// </summary>
internal sealed class ExpireOverdueInvitationsCommandHandler(IExpirySweep sweep, TimeProvider clock, InvitationMetrics metrics)
    : IRequestHandler<ExpireOverdueInvitationsCommand, int>
{
    public async Task<int> Handle(ExpireOverdueInvitationsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var total = 0;
        int changed;
        do
        {
            changed = await sweep.ExpireBatchAsync(now, command.BatchSize, cancellationToken);
            total += changed;
        }
        while (changed == command.BatchSize);

        metrics.Expired(total);

        return total;
    }
}
