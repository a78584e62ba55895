using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Webhooks.TestWebhook;

/// <summary>Owes the endpoint a <c>ping</c> event; the dispatcher sends it like any other. Returns the event's id.</summary>
public sealed record TestWebhookCommand(Actor Actor, WebhookEndpointId Id) : IRequest<string>;
