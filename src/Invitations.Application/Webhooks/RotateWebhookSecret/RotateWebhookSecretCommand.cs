using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Webhooks.RotateWebhookSecret;

public sealed record RotateWebhookSecretCommand(Actor Actor, WebhookEndpointId Id) : IRequest<WebhookResponse>;
