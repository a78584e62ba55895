using Invitations.Application.Common;
using Invitations.Domain.Webhooks;

namespace Invitations.Application.Webhooks.ListWebhookDeliveries;

/// <summary>The deliveries list as a read model: a keyset over (created_at, id), which only the database compares as one row.</summary>
internal interface IWebhookDeliveryList
{
    Task<IReadOnlyList<(WebhookDelivery Delivery, string EventType)>> PageAsync(
        WebhookEndpointId endpointId, WebhookDeliveryStatus? status, PageCursor? after, int take, CancellationToken cancellationToken);
}
