using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Webhooks.RetryWebhookDelivery;

public sealed record RetryWebhookDeliveryCommand(Actor Actor, WebhookEndpointId Id, Guid DeliveryId) : IRequest<Unit>;
