using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// Runs after a commit, without I/O: owed emails and webhooks wake this node's dispatchers. If the process dies first, the rows are
/// still owed and the recurring dispatch finds them.
/// </summary>
public sealed class DomainEventDispatcher(EmailDispatchSignal signal, WebhookDispatchSignal webhooks, InvitationMetrics metrics, ILogger<DomainEventDispatcher> logger)
{
    internal void Dispatch(IReadOnlyList<IDomainEvent> events, bool mayOweWebhooks)
    {
        if (mayOweWebhooks)
        {
            webhooks.Notify();
        }

        foreach (var domainEvent in events)
        {
            switch (domainEvent)
            {
                case InvitationDeliveryRequested { Delivery.Status: DeliveryStatus.Pending }:
                    signal.Notify();
                    break;
                case InvitationAccepted accepted:
                    metrics.Accepted();
                    logger.LogInformation("Invitation {InvitationId} accepted by user {UserId}", accepted.InvitationId, accepted.UserId);
                    break;
                case InvitationRevoked revoked:
                    logger.LogInformation("Invitation {InvitationId} revoked by user {UserId}", revoked.InvitationId, revoked.RevokedByUserId);
                    break;
            }
        }
    }
}
