using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Webhooks.UpdateWebhook;

/// <summary>Each field that is not null is changed.</summary>
public sealed record UpdateWebhookCommand(Actor Actor, WebhookEndpointId Id, string? Url, IReadOnlyList<string>? Events, bool? Enabled)
    : IRequest<WebhookResponse>;
