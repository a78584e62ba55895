using System.Diagnostics;
using Invitations.Application.Common;
using Invitations.Domain.Webhooks;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invitations.Application.Webhooks.DispatchWebhooks;

/// <summary>
/// Claims due deliveries and posts each endpoint's share on its own (a bounded number of requests in flight per endpoint);
/// as each endpoint's share finishes its outcomes are recorded and that endpoint may be claimed again. A slow endpoint
/// holds up only itself: while it is in flight the others keep being claimed and sent. A failed attempt backs off alone;
/// after the last one the delivery has failed. The database work stays on this one loop (one connection).
/// </summary>
internal sealed class DispatchWebhooksCommandHandler(
    IWebhookOutbox outbox,
    IWebhookSender sender,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    InvitationMetrics metrics,
    ILogger<DispatchWebhooksCommandHandler> logger)
    : IRequestHandler<DispatchWebhooksCommand, WebhookDispatchReport>
{
    /// <summary>How often the loop looks for other endpoints' work while one endpoint's requests are still in flight.</summary>
    private static readonly TimeSpan BusyPoll = TimeSpan.FromMilliseconds(100);

    private readonly WebhookShareSender _shares = new(sender, clock, options.Value.RetryDelays, logger);

    public async Task<WebhookDispatchReport> Handle(DispatchWebhooksCommand command, CancellationToken cancellationToken)
    {
        var inFlight = new Dictionary<WebhookEndpointId, Task<WebhookOutcome[]>>();
        var outcomes = new List<WebhookOutcome>();
        var mayBeMore = true; // a claim that came back short of its limits has taken everything due
        Activity? span = null; // the dispatch's span, from its first claim that brought work: the sends are its children
        try
        {
            while (true)
            {
                IReadOnlyList<OwedWebhook> claimed = [];
                if (mayBeMore && !cancellationToken.IsCancellationRequested)
                {
                    var claimStarted = DateTimeOffset.UtcNow;
                    claimed = await outbox.ClaimAsync(command.BatchSize, command.PerEndpoint, inFlight.Keys.ToArray(), clock.GetUtcNow(), cancellationToken);
                    if (claimed.Count > 0)
                    {
                        span ??= Telemetry.StartBatch("invitations.webhook.dispatch", claimStarted, claimed.Count, []);
                    }

                    var shares = claimed.GroupBy(owed => owed.EndpointId).ToList();
                    foreach (var endpoint in shares)
                    {
                        inFlight.Add(endpoint.Key, _shares.SendAllAsync(endpoint, command.PerEndpointConcurrency, cancellationToken));
                    }

                    // While anything is in flight, look again every BusyPoll for other endpoints' new work.
                    mayBeMore = claimed.Count == command.BatchSize || shares.Any(share => share.Count() == command.PerEndpoint) || inFlight.Count > 0;
                }

                if (inFlight.Count == 0)
                {
                    break;
                }

                if (claimed.Count == 0 || inFlight.Values.All(send => !send.IsCompleted))
                {
                    await Task.WhenAny(Task.WhenAny(inFlight.Values), Task.Delay(BusyPoll, CancellationToken.None));
                }

                var done = inFlight.Where(send => send.Value.IsCompleted).ToArray();
                var recorded = done.SelectMany(send => send.Value.Result).ToArray();
                if (recorded.Length > 0)
                {
                    await outbox.RecordAsync(recorded, clock.GetUtcNow(), CancellationToken.None);
                    outcomes.AddRange(recorded);
                    Count(recorded);
                }

                foreach (var send in done)
                {
                    inFlight.Remove(send.Key);
                    mayBeMore |= send.Value.Result.Length == command.PerEndpoint; // that endpoint may have more waiting
                }
            }
        }
        finally
        {
            span?.SetTag("invitations.webhooks.delivered", outcomes.Count(o => o.Status == WebhookDeliveryStatus.Succeeded))
                .SetTag("invitations.webhooks.failed", outcomes.Count(o => o.Status != WebhookDeliveryStatus.Succeeded));
            span?.Dispose();
        }

        var report = new WebhookDispatchReport(
            outcomes.Count(o => o.Status == WebhookDeliveryStatus.Succeeded),
            outcomes.Count(o => o.Status == WebhookDeliveryStatus.Pending),
            outcomes.Count(o => o.Status == WebhookDeliveryStatus.Failed),
            command.ReportNextDue ? await outbox.NextDueAsync(CancellationToken.None) : null);
        if (outcomes.Count > 0)
        {
            logger.LogInformation(
                "Webhook batch: {Delivered} delivered, {Retrying} failed and will be retried, {Failed} failed for good",
                report.Succeeded, report.Retrying, report.Failed);
        }

        return report;
    }

    private void Count(IEnumerable<WebhookOutcome> recorded)
    {
        foreach (var outcome in recorded)
        {
            if (outcome.Status == WebhookDeliveryStatus.Succeeded)
            {
                metrics.WebhookDelivered();
            }
            else
            {
                metrics.WebhookFailed(final: outcome.Status == WebhookDeliveryStatus.Failed);
            }
        }
    }
}
