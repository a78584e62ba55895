using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Webhooks.ListWebhooks;

public sealed record ListWebhooksQuery(Actor Actor) : IRequest<IReadOnlyList<WebhookResponse>>;
