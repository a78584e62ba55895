using Invitations.Domain.Webhooks;
using Microsoft.Extensions.Logging;

namespace Invitations.Application.Webhooks.DispatchWebhooks;

/// <summary>
/// Sends one endpoint's claimed share, a bounded number at a time, and turns each attempt into its outcome: a success, a
/// back-off by the next of <c>delays</c>, or after the last one a failed delivery. Every delivery comes back with
/// an outcome, whatever its receiver did.
/// </summary>
internal sealed class WebhookShareSender(IWebhookSender sender, TimeProvider clock, int[] delays, ILogger logger)
{
    public async Task<WebhookOutcome[]> SendAllAsync(IEnumerable<OwedWebhook> owed, int concurrency, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(concurrency);
        return await Task.WhenAll(owed.Select(async delivery =>
        {
            await slots.WaitAsync(CancellationToken.None);
            try
            {
                return await SendAsync(delivery, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private async Task<WebhookOutcome> SendAsync(OwedWebhook owed, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        WebhookAttempt result;
        try
        {
            result = await sender.SendAsync(new WebhookMessage(owed.Url, owed.EventId, at, owed.Body, owed.Secrets), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The sender answers every receiver with an attempt; should it throw all the same, that is this delivery's failed
            // attempt, not a pass that records nothing (and sends everything again after the lease).
            logger.LogError(e, "Sending webhook delivery {DeliveryId} threw", owed.DeliveryId);
            result = new WebhookAttempt(null, $"the attempt failed: {e.GetType().Name}", (int)(clock.GetUtcNow() - at).TotalMilliseconds, null);
        }

        var attempt = new WebhookDeliveryAttempt(at, result.HttpStatus, result.Error, result.DurationMs);
        var attempts = owed.AttemptCount + 1;
        var (status, next) = result.Succeeded
            ? (WebhookDeliveryStatus.Succeeded, at)
            : attempts > delays.Length
                ? (WebhookDeliveryStatus.Failed, at)
                : (WebhookDeliveryStatus.Pending, at.AddSeconds(delays[attempts - 1]));
        return new WebhookOutcome(owed.DeliveryId, owed.EndpointId, status, next, attempt, result.ResponseExcerpt);
    }
}
