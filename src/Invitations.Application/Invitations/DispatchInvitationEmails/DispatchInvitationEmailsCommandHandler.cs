using System.Diagnostics;
using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invitations.Application.Invitations.DispatchInvitationEmails;

/// <summary>
/// Claim a batch, send it over the one connection, record every outcome in one statement; again until nothing is due.
/// A refused message spends one of its attempts and backs off alone. An unreachable server spends none: the batch goes
/// back, to be tried after the first back-off, unless its whole retry schedule has passed (then it failed for good).
/// </summary>
internal sealed class DispatchInvitationEmailsCommandHandler(
    IEmailOutbox outbox,
    IEmailSender sender,
    TimeProvider clock,
    IOptions<InvitationOptions> invitationOptions,
    IOptions<EmailOptions> emailOptions,
    InvitationMetrics metrics,
    ILogger<DispatchInvitationEmailsCommandHandler> logger) : IRequestHandler<DispatchInvitationEmailsCommand, DispatchReport>
{
    private readonly int[] _delays = emailOptions.Value.RetryDelays;

    public async Task<DispatchReport> Handle(DispatchInvitationEmailsCommand command, CancellationToken cancellationToken)
    {
        var tally = new Tally();
        IEmailSession? session = null;
        try
        {
            // A batch that came back short emptied what was due; more is claimed only after a full one, or after one that
            // ran out of sending time and gave rows back.
            var more = true;
            while (more && tally.ConnectionError is null)
            {
                var tokens = Enumerable.Range(0, command.BatchSize).Select(_ => SecretToken.New()).ToDictionary(t => t.Hash, t => t.Plaintext);
                var claimStarted = DateTimeOffset.UtcNow;
                var claimed = await outbox.ClaimAsync(tokens.Keys.ToList(), clock.GetUtcNow(), cancellationToken);
                if (claimed.Count == 0)
                {
                    break;
                }

                using var span = Telemetry.StartBatch("invitations.email.dispatch", claimStarted, claimed.Count, claimed.Select(c => c.TraceParent));
                var before = tally.Report(null);
                var outcomes = new List<DeliveryOutcome>(claimed.Count);
                await using (var batch = await outbox.BeginSendingAsync(claimed, clock.GetUtcNow(), cancellationToken))
                {
                    var started = clock.GetTimestamp();
                    foreach (var owed in claimed)
                    {
                        var outcome = !batch.Sendable.Contains(owed.Key)
                            ? Cancelled(owed)
                            : tally.ConnectionError is not null || clock.GetElapsedTime(started) > DispatchInvitationEmailsCommand.BatchSendingBudget
                                ? GiveBack(owed, tally.ConnectionError)
                                : await SendAsync(owed, tokens[owed.TokenHash]);
                        tally.Add(outcome, owed);
                        outcomes.Add(outcome);
                    }

                    await batch.CompleteAsync(outcomes, CancellationToken.None);
                }

                var done = tally.Report(null).Since(before);
                Observe(claimed, outcomes, done, span);
                more = claimed.Count == command.BatchSize || done.GivenBack > 0;
            }
        }
        finally
        {
            await DisconnectAsync(session);
        }

        return tally.Report(await outbox.NextDueAsync(cancellationToken));

        async Task<DeliveryOutcome> SendAsync(OwedEmail owed, string token)
        {
            var now = clock.GetUtcNow();
            try
            {
                session ??= await sender.ConnectAsync(cancellationToken);
                await session.SendAsync(InvitationEmailComposer.Compose(owed, token, invitationOptions.Value, emailOptions.Value), cancellationToken);
                return new DeliveryOutcome(owed.InvitationId, owed.Number, DeliveryStatus.Sent, owed.Attempts + 1, now, clock.GetUtcNow(), null);
            }
            catch (EmailDeliveryException e) when (e.ConnectionLost)
            {
                tally.ConnectionError = e.Message;
                await DisconnectAsync(session);
                session = null;
                return GiveBack(owed, e.Message);
            }
            catch (EmailDeliveryException e)
            {
                return Refused(owed, now, e.Message);
            }
        }
    }

    /// <summary>One log line, the span's tags and the counters for a recorded batch.</summary>
    private void Observe(IReadOnlyList<OwedEmail> claimed, List<DeliveryOutcome> outcomes, DispatchReport done, Activity? span)
    {
        for (var i = 0; i < outcomes.Count; i++)
        {
            var (owed, outcome) = (claimed[i], outcomes[i]);
            if (outcome is { Status: DeliveryStatus.Sent, SentAt: { } sentAt })
            {
                metrics.EmailSent(sentAt - owed.OwedSince);
            }
            else if (outcome.Status == DeliveryStatus.Failed || outcome.Attempts > owed.Attempts)
            {
                metrics.EmailFailed(final: outcome.Status == DeliveryStatus.Failed);
            }
        }

        span?.SetTag("invitations.emails.sent", done.Sent).SetTag("invitations.emails.failed", done.FailedForGood.Count)
            .SetTag("invitations.emails.retrying", done.Retrying);
        logger.LogInformation(
            "Email batch: {Sent} sent, {Failed} failed for good, {Retrying} retrying, {GivenBack} given back, {Cancelled} cancelled",
            done.Sent, done.FailedForGood.Count, done.Retrying, done.GivenBack, done.Cancelled);
    }

    private DeliveryOutcome Cancelled(OwedEmail owed) =>
        new(owed.InvitationId, owed.Number, DeliveryStatus.Cancelled, owed.Attempts, clock.GetUtcNow(), null, null);

    /// <summary>The server took the connection but refused this message: one attempt spent.</summary>
    private DeliveryOutcome Refused(OwedEmail owed, DateTimeOffset now, string error)
    {
        var attempts = owed.Attempts + 1;
        return attempts > _delays.Length
            ? new DeliveryOutcome(owed.InvitationId, owed.Number, DeliveryStatus.Failed, attempts, now, null, error)
            : new DeliveryOutcome(owed.InvitationId, owed.Number, DeliveryStatus.Pending, attempts, now.AddSeconds(_delays[attempts - 1]), null, error);
    }

    /// <summary>Not tried (the server is unreachable, or the batch ran out of time): no attempt spent.</summary>
    private DeliveryOutcome GiveBack(OwedEmail owed, string? connectionError)
    {
        var now = clock.GetUtcNow();
        if (connectionError is null)
        {
            return new DeliveryOutcome(owed.InvitationId, owed.Number, DeliveryStatus.Pending, owed.Attempts, now, null, null);
        }

        // Without a deadline an unreachable server would keep an email "queued" for ever; it gets the schedule's full span.
        var deadline = owed.OwedSince.AddSeconds(_delays.Sum());
        return now >= deadline
            ? new DeliveryOutcome(owed.InvitationId, owed.Number, DeliveryStatus.Failed, owed.Attempts, now, null, connectionError)
            : new DeliveryOutcome(owed.InvitationId, owed.Number, DeliveryStatus.Pending, owed.Attempts,
                now.AddSeconds(_delays[Math.Min(owed.Attempts, _delays.Length - 1)]), null, connectionError);
    }

    private static async Task DisconnectAsync(IEmailSession? session)
    {
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    /// <summary>What a dispatch did, counted as it goes.</summary>
    private sealed class Tally
    {
        private readonly List<FailedEmail> _failed = [];
        private int _sent;
        private int _retrying;
        private int _cancelled;

        public int GivenBack { get; private set; }

        public string? ConnectionError { get; set; }

        public void Add(DeliveryOutcome outcome, OwedEmail owed)
        {
            switch (outcome.Status)
            {
                case DeliveryStatus.Sent:
                    _sent++;
                    break;
                case DeliveryStatus.Cancelled:
                    _cancelled++;
                    break;
                case DeliveryStatus.Failed:
                    _failed.Add(new FailedEmail(outcome.InvitationId, outcome.Number, outcome.Error!));
                    break;
                case DeliveryStatus.Pending when outcome.Attempts > owed.Attempts:
                    _retrying++;
                    break;
                default:
                    GivenBack++;
                    break;
            }
        }

        public DispatchReport Report(DateTimeOffset? nextDueAt) =>
            new(_sent, _retrying, GivenBack, _cancelled, _failed, nextDueAt, ConnectionError);
    }
}
