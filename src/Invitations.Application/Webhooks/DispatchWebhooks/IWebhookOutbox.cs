using Invitations.Domain.Webhooks;

namespace Invitations.Application.Webhooks.DispatchWebhooks;

/// <summary>The owed webhook deliveries (rows the database wrote with the changes they report), as the dispatcher drains them.</summary>
public interface IWebhookOutbox
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due deliveries of enabled endpoints, at most <paramref name="perEndpoint"/> for
    /// any one endpoint and none for the endpoints in <paramref name="busy"/> (this dispatcher is still sending to them), in one
    /// statement (skipping rows another dispatcher holds), under a lease from the database clock.
    /// </summary>
    Task<IReadOnlyList<OwedWebhook>> ClaimAsync(
        int batchSize, int perEndpoint, IReadOnlyCollection<WebhookEndpointId> busy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records every outcome in one statement (the attempt appended, the lease released), and keeps each endpoint's run of
    /// failures: one that has failed without a success for <see cref="WebhookEndpoint.FailingLimit"/> is disabled. An outcome
    /// the database refuses costs no other outcome its record, and is itself recorded as an attempt, without its text.
    /// </summary>
    Task RecordAsync(IReadOnlyList<WebhookOutcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>When the next owed delivery falls due (a back-off or a lease ends), if any is owed.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);
}
