using System.ComponentModel;
using Hangfire;
using Hangfire.States;
using Invitations.Application.Invitations.DispatchInvitationEmails;
using MediatR;

namespace Invitations.Infrastructure.Jobs;

/// <summary>Drains the email outbox through MediatR; the result on the dashboard says what it sent and what failed.</summary>
[Queue(EmailQueue)]
[AutomaticRetry(Attempts = 0)]
public sealed class EmailDispatchJob(IMediator mediator, IBackgroundJobClient jobs, EmailDispatchSignal signal)
{
    public const string EmailQueue = "emails";
    public const string RecurringId = "dispatch-owed-emails";

    [DisplayName("Send owed invitation emails")]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        signal.Started();
        var report = await mediator.Send(new DispatchInvitationEmailsCommand(), cancellationToken);
        signal.DueAt(report.NextDueAt);
        foreach (var failed in report.FailedForGood)
        {
            // A failed job per email that failed for good: the dashboard lists it, and its Requeue button owes it again.
            jobs.Create<EmailRequeueJob>(
                job => job.RequeueAsync(failed.InvitationId.Value, failed.Number, CancellationToken.None),
                new FailedState(new EmailFailedException(failed.InvitationId.Value, failed.Number, failed.Error)));
        }

        return report.ToString();
    }
}

public sealed class EmailFailedException(Guid invitationId, int number, string error)
    : Exception($"The email for invitation {invitationId} (delivery {number}) failed for good: {error}");
