using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Webhooks.GetWebhook;

public sealed record GetWebhookQuery(Actor Actor, WebhookEndpointId Id) : IRequest<WebhookResponse>;
