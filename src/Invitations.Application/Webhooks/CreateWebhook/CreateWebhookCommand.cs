using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Webhooks.CreateWebhook;

public sealed record CreateWebhookCommand(Actor Actor, string? Url, IReadOnlyList<string>? Events, string? Description) : IRequest<WebhookResponse>;
