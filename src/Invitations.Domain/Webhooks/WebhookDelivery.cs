namespace Invitations.Domain.Webhooks;

/// <summary>
/// One event owed to one endpoint: an outbox row the dispatcher claims in batches (with a lease), sends, and records with
/// every attempt. The database writes them, in the transaction of the change the event reports.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery()
    {
    }

    public Guid Id { get; private set; }

    public WebhookEndpointId EndpointId { get; private set; }

    public string EventId { get; private set; } = "";

    public WebhookDeliveryStatus Status { get; private set; }

    public int AttemptCount { get; private set; }

    public IReadOnlyList<WebhookDeliveryAttempt> Attempts { get; private set; } = [];

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static WebhookDelivery Of(WebhookEvent webhookEvent, WebhookEndpointId endpointId) => new()
    {
        Id = Guid.CreateVersion7(),
        EndpointId = endpointId,
        EventId = webhookEvent.Id,
        Status = WebhookDeliveryStatus.Pending,
        NextAttemptAt = webhookEvent.CreatedAt,
        CreatedAt = webhookEvent.CreatedAt,
    };

    /// <summary>Due again now, whatever became of it; the attempts so far stay on record.</summary>
    public void Retry(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = now;
    }
}
