namespace Invitations.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
}
