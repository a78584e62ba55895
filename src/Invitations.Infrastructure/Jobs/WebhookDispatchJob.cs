using System.ComponentModel;
using Hangfire;
using Invitations.Application.Webhooks.DispatchWebhooks;
using MediatR;

namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// Drains the webhook outbox through MediatR on the <c>webhooks</c> queue (workers of its own: a slow endpoint never holds
/// up the mail), and lingers for more while changes keep coming, so a steady stream of events is one job. Every change to
/// an invitation signals it, subscribed or not, so it looks at most every <see cref="Pace"/> while it lingers.
/// </summary>
[Queue(WebhookQueue)]
[AutomaticRetry(Attempts = 0)]
public sealed class WebhookDispatchJob(IMediator mediator, WebhookDispatchSignal signal, TimeProvider clock)
{
    public const string WebhookQueue = "webhooks";
    public const string RecurringId = "dispatch-owed-webhooks";
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(50);
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
                var report = await mediator.Send(new DispatchWebhooksCommand(), cancellationToken);
                total = total is null ? report : total.Then(report);
                if (report.Sent == 0)
                {
                    await Task.Delay(Pace, clock, cancellationToken);
                }
            }
            while (clock.GetElapsedTime(started) < LongestRun && await signal.WaitForMoreAsync(Linger, cancellationToken));
        }
        finally
        {
            signal.Finished(total?.NextDueAt);
        }

        return total!.ToString();
    }
}
