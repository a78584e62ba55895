namespace Invitations.Domain.Webhooks;

public readonly record struct WebhookEndpointId(Guid Value)
{
    public static WebhookEndpointId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
