using System.Collections.Concurrent;
using Invitations.Domain.Webhooks;
using MediatR;
using Microsoft.Extensions.Options;

namespace Invitations.Application.Webhooks.DispatchWebhooks;

/// <summary>
/// Claim a batch, post it (endpoints side by side, each with a bounded number of requests in flight), record every outcome in
/// one statement; again until nothing is due. A failed attempt backs off alone; after the last one the delivery has failed.
/// A slow endpoint holds up only its own share of a batch: the claim gives no endpoint more than its share.
/// </summary>
internal sealed class DispatchWebhooksCommandHandler(
    IWebhookOutbox outbox, IWebhookSender sender, TimeProvider clock, IOptions<WebhookOptions> options)
    : IRequestHandler<DispatchWebhooksCommand, WebhookDispatchReport>
{
    private readonly int[] _delays = options.Value.RetryDelays;

    public async Task<WebhookDispatchReport> Handle(DispatchWebhooksCommand command, CancellationToken cancellationToken)
    {
        var (succeeded, retrying, failed) = (0, 0, 0);
        while (true)
        {
            var claimed = await outbox.ClaimAsync(command.BatchSize, command.PerEndpoint, clock.GetUtcNow(), cancellationToken);
            if (claimed.Count == 0)
            {
                break;
            }

            var outcomes = new ConcurrentBag<WebhookOutcome>();
            await Task.WhenAll(claimed.GroupBy(owed => owed.EndpointId).Select(endpoint => Parallel.ForEachAsync(
                endpoint,
                new ParallelOptions { MaxDegreeOfParallelism = command.PerEndpointConcurrency, CancellationToken = cancellationToken },
                async (owed, token) => outcomes.Add(await SendAsync(owed, token)))));
            await outbox.RecordAsync(outcomes.ToList(), clock.GetUtcNow(), CancellationToken.None);

            succeeded += outcomes.Count(o => o.Status == WebhookDeliveryStatus.Succeeded);
            retrying += outcomes.Count(o => o.Status == WebhookDeliveryStatus.Pending);
            failed += outcomes.Count(o => o.Status == WebhookDeliveryStatus.Failed);
        }

        return new WebhookDispatchReport(succeeded, retrying, failed, await outbox.NextDueAsync(cancellationToken));
    }

    private async Task<WebhookOutcome> SendAsync(OwedWebhook owed, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var result = await sender.SendAsync(new WebhookMessage(owed.Url, owed.EventId, at, owed.Body, owed.Secrets), cancellationToken);
        var attempt = new WebhookDeliveryAttempt(at, result.HttpStatus, result.Error, result.DurationMs);
        var attempts = owed.AttemptCount + 1;
        var (status, next) = result.Succeeded
            ? (WebhookDeliveryStatus.Succeeded, at)
            : attempts > _delays.Length
                ? (WebhookDeliveryStatus.Failed, at)
                : (WebhookDeliveryStatus.Pending, at.AddSeconds(_delays[attempts - 1]));
        return new WebhookOutcome(owed.DeliveryId, owed.EndpointId, status, next, attempt, result.ResponseExcerpt);
    }
}
