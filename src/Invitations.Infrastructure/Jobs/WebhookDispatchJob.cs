using System.ComponentModel;
using Hangfire;
using Invitations.Application.Webhooks.DispatchWebhooks;
using MediatR;

namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// Drains the webhook outbox through MediatR on the <c>webhooks</c> queue (workers of its own: a slow endpoint never holds
/// up the mail), and lingers for more while changes keep coming, so a steady stream of events is one job. Every change to
/// an invitation signals it, subscribed or not, so it drains at most once every <see cref="Pace"/> while it lingers.
/// </summary>
[Queue(WebhookQueue)]
[AutomaticRetry(Attempts = 0)]
public sealed class WebhookDispatchJob(IMediator mediator, WebhookDispatchSignal signal, DispatcherHeartbeat heartbeat, TimeProvider clock)
{
    public const string WebhookQueue = "webhooks";
    public const string RecurringId = "dispatch-owed-webhooks";
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRun = TimeSpan.FromMinutes(1);

    [DisplayName("Send owed webhooks")]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        signal.Started();
        WebhookDispatchReport? total = null;
        try
        {
            var started = clock.GetTimestamp();
            do
            {
                signal.Claiming();
                heartbeat.Beat(WebhookQueue);
                var drained = clock.GetTimestamp();
                var report = await mediator.Send(new DispatchWebhooksCommand { ReportNextDue = false }, cancellationToken);
                total = total is null ? report : total.Then(report);

                // At most one drain per Pace: a claim costs about the same for one delivery as for a hundred.
                var left = Pace - clock.GetElapsedTime(drained);
                if (left > TimeSpan.Zero)
                {
                    await Task.Delay(left, clock, cancellationToken);
                }
            }
            while (clock.GetElapsedTime(started) < LongestRun && await signal.WaitForMoreAsync(Linger, cancellationToken));

            // What came in since, and when the next delivery falls due (a back-off, a lease), for the signal's timer.
            heartbeat.Beat(WebhookQueue);
            total = total.Then(await mediator.Send(new DispatchWebhooksCommand(), cancellationToken));
        }
        finally
        {
            signal.Finished(total?.NextDueAt);
        }

        return total!.ToString();
    }
}
