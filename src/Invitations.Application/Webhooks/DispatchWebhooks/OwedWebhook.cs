using Invitations.Domain.Webhooks;

namespace Invitations.Application.Webhooks.DispatchWebhooks;

/// <summary>A claimed delivery: the frozen event body, where it goes and the secrets that sign it now.</summary>
public sealed record OwedWebhook(
    Guid DeliveryId, WebhookEndpointId EndpointId, Uri Url, string EventId, string Body, int AttemptCount, IReadOnlyList<string> Secrets);
