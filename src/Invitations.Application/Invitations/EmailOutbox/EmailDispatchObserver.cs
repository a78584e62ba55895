using System.Diagnostics;
using Invitations.Application.Common;
using Invitations.Domain.Invitations;
using Microsoft.Extensions.Logging;

namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>What operators see of a batch: one log line, the span's tags, and the email counters and delay histogram.</summary>
public sealed partial class EmailDispatchObserver(InvitationMetrics metrics, ILogger<EmailDispatchObserver> logger)
{
    internal void Batch(DispatchTally batch, Activity? span)
    {
        foreach (var (email, outcome) in batch.Outcomes)
        {
            if (outcome is { Status: DeliveryStatus.Sent, SentAt: { } sentAt })
            {
                metrics.EmailSent(sentAt - email.Claim.OwedSince);
            }
            else if (outcome.IsAttempt(email.Claim))
            {
                metrics.EmailFailed(final: outcome.IsFinalFailure);
            }
        }

        span?.SetTag("invitations.emails.sent", batch.Sent).SetTag("invitations.emails.failed", batch.FailedForGood.Count)
            .SetTag("invitations.emails.retrying", batch.Retrying);
        Dispatched(logger, batch.Sent, batch.FailedForGood.Count, batch.Retrying, batch.GivenBack, batch.Cancelled);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Email batch: {Sent} sent, {Failed} failed for good, {Retrying} retrying, {GivenBack} given back, {Cancelled} cancelled")]
    private static partial void Dispatched(ILogger logger, int sent, int failed, int retrying, int givenBack, int cancelled);
}
