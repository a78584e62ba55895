using Invitations.Application.Common;
using Invitations.Domain.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Webhooks.PurgeWebhookHistory;

/// <summary>Set-based, in bounded batches like the expiry sweep; the deliveries go with their event (ON DELETE CASCADE).</summary>
internal sealed class PurgeWebhookHistoryCommandHandler(IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<PurgeWebhookHistoryCommand, int>
{
    public async Task<int> Handle(PurgeWebhookHistoryCommand command, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - PurgeWebhookHistoryCommand.Retention;
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.WebhookEvents
                .Where(e => e.CreatedAt < cutoff
                    && !db.WebhookDeliveries.Any(d => d.EventId == e.Id && d.Status == WebhookDeliveryStatus.Pending))
                .OrderBy(e => e.CreatedAt)
                .Take(command.BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == command.BatchSize);

        return total;
    }
}
