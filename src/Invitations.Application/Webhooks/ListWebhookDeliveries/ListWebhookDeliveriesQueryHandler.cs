using Invitations.Application.Common;
using Invitations.Domain.Webhooks;
using MediatR;

namespace Invitations.Application.Webhooks.ListWebhookDeliveries;

internal sealed class ListWebhookDeliveriesQueryHandler(IInvitationsDbContext db, IWebhookDeliveryList list)
    : IRequestHandler<ListWebhookDeliveriesQuery, WebhookDeliveryPage>
{
    public async Task<WebhookDeliveryPage> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        var endpoint = await db.LoadWebhookAsync(query.Actor, query.Id, cancellationToken);
        PageCursor.TryDecode(query.Cursor, out var after);
        var status = query.Status is null ? (WebhookDeliveryStatus?)null : Enum.Parse<WebhookDeliveryStatus>(query.Status, ignoreCase: true);

        // One row more than a page says whether there is a next page.
        var rows = await list.PageAsync(endpoint.Id, status, after, ListWebhookDeliveriesQuery.PageSize + 1, cancellationToken);
        var page = rows.Take(ListWebhookDeliveriesQuery.PageSize).ToList();
        var next = rows.Count > ListWebhookDeliveriesQuery.PageSize
            ? new PageCursor(page[^1].Delivery.CreatedAt, page[^1].Delivery.Id).Encode()
            : null;
        return new WebhookDeliveryPage(page.Select(r => WebhookDeliveryResponse.From(r.Delivery, r.EventType)).ToList(), next);
    }
}
