using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Webhooks.DeleteWebhook;

public sealed record DeleteWebhookCommand(Actor Actor, WebhookEndpointId Id) : IRequest<Unit>;
