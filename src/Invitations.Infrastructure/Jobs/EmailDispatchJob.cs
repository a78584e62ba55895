using System.ComponentModel;
using Hangfire;
using Hangfire.States;
using Invitations.Application.Invitations.EmailOutbox;
using MediatR;

namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// Drains the email outbox through MediatR, and lingers a moment for more while emails keep being owed, so a steady
/// stream of creates is one job rather than one per drain. Its result on the dashboard says what it sent and what failed.
/// </summary>
[Queue(EmailQueue)]
[AutomaticRetry(Attempts = 0)]
public sealed class EmailDispatchJob(IMediator mediator, IBackgroundJobClient jobs, EmailDispatchSignal signal, DispatcherHeartbeat heartbeat,
    TimeProvider clock)
{
    public const string EmailQueue = "emails";
    public const string RecurringId = "dispatch-owed-emails";
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestRun = TimeSpan.FromMinutes(1);

    [DisplayName("Send owed invitation emails")]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        signal.Started();
        DispatchReport? total = null;
        try
        {
            var started = clock.GetTimestamp();
            do
            {
                signal.Claiming();
                heartbeat.Beat(EmailQueue);
                var report = await mediator.Send(new DispatchInvitationEmailsCommand(), cancellationToken);
                total = total is null ? report : total.Then(report);
                if (report.ConnectionError is not null)
                {
                    break;
                }
            }
            while (clock.GetElapsedTime(started) < LongestRun && await signal.WaitForMoreAsync(Linger, cancellationToken));
            heartbeat.Beat(EmailQueue);
        }
        finally
        {
            signal.Finished(total?.NextDueAt);
        }

        foreach (var failed in total!.FailedForGood)
        {
            // A failed job per email that failed for good: the dashboard lists it, and its Requeue button owes it again.
            jobs.Create<EmailRequeueJob>(
                job => job.RequeueAsync(failed.InvitationId.Value, failed.Number, CancellationToken.None),
                new FailedState(new EmailFailedException(failed.InvitationId.Value, failed.Number, failed.Error)));
        }

        return total.ToString();
    }
}

public sealed class EmailFailedException(Guid invitationId, int number, string error)
    : Exception($"The email for invitation {invitationId} (delivery {number}) failed for good: {error}");
