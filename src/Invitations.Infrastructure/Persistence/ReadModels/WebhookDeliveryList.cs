using Invitations.Application.Common;
using Invitations.Application.Webhooks.ListWebhookDeliveries;
using Invitations.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Infrastructure.Persistence.ReadModels;

internal sealed class WebhookDeliveryList(InvitationsDbContext db) : IWebhookDeliveryList
{
    public async Task<IReadOnlyList<(WebhookDelivery Delivery, string EventType)>> PageAsync(
        WebhookEndpointId endpointId, WebhookDeliveryStatus? status, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId);
        if (after is not null)
        {
            // One row comparison walks the (endpoint_id, created_at, id) index straight to the page.
            deliveries = deliveries.Where(d =>
                EF.Functions.LessThan(ValueTuple.Create(d.CreatedAt, d.Id), ValueTuple.Create(after.CreatedAt, after.Id)));
        }

        if (status is { } wanted)
        {
            deliveries = deliveries.Where(d => d.Status == wanted);
        }

        var rows = await deliveries
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(take)
            .Join(db.WebhookEvents, d => d.EventId, e => e.Id, (d, e) => new { Delivery = d, e.Type })
            .OrderByDescending(r => r.Delivery.CreatedAt).ThenByDescending(r => r.Delivery.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Delivery, r.Type)).ToList();
    }
}
