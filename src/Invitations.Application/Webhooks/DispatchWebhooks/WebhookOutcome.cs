using Invitations.Domain.Webhooks;

namespace Invitations.Application.Webhooks.DispatchWebhooks;

/// <summary>What became of one claimed delivery after one attempt.</summary>
public sealed record WebhookOutcome(
    Guid DeliveryId, WebhookEndpointId EndpointId, WebhookDeliveryStatus Status, DateTimeOffset NextAttemptAt, WebhookDeliveryAttempt Attempt, string? ResponseExcerpt);
