namespace Invitations.Application.Webhooks.ListWebhookDeliveries;

public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryResponse> Items, string? NextCursor);
