using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Webhooks.ListWebhookDeliveries;

/// <summary>An endpoint's deliveries, newest first, a page at a time.</summary>
public sealed record ListWebhookDeliveriesQuery(Actor Actor, WebhookEndpointId Id, string? Status, string? Cursor)
    : IRequest<WebhookDeliveryPage>
{
    public const int PageSize = 50;
}
