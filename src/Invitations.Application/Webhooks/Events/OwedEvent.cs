using Invitations.Domain.Workspaces;

namespace Invitations.Application.Webhooks.Events;

/// <summary>An event to publish: its type and its <c>data</c>, which <see cref="WebhookPublisher"/> renders into the body.</summary>
public sealed record OwedEvent(WorkspaceId WorkspaceId, string Type, object Data);
