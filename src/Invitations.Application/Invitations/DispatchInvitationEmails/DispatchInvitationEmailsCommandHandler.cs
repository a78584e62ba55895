using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using MediatR;
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
    IOptions<EmailOptions> emailOptions) : IRequestHandler<DispatchInvitationEmailsCommand, DispatchReport>
{
    private readonly int[] _delays = emailOptions.Value.RetryDelays;

    public async Task<DispatchReport> Handle(DispatchInvitationEmailsCommand command, CancellationToken cancellationToken)
    {
        var outcomes = new List<DeliveryOutcome>();
        string? connectionError = null;
        IEmailSession? session = null;
        try
        {
            while (connectionError is null)
            {
                var tokens = Enumerable.Range(0, command.BatchSize).Select(_ => SecretToken.New()).ToDictionary(t => t.Hash, t => t.Plaintext);
                var claimed = await outbox.ClaimAsync(tokens.Keys.ToList(), clock.GetUtcNow(), cancellationToken);
                if (claimed.Count == 0)
                {
                    break;
                }

                var batchOutcomes = new List<DeliveryOutcome>(claimed.Count);
                await using (var batch = await outbox.BeginSendingAsync(claimed, clock.GetUtcNow(), cancellationToken))
                {
                    var started = clock.GetTimestamp();
                    foreach (var owed in claimed)
                    {
                        var now = clock.GetUtcNow();
                        if (!batch.Sendable.Contains(owed.Key))
                        {
                            batchOutcomes.Add(new DeliveryOutcome(owed.InvitationId, owed.Number, DeliveryStatus.Cancelled, owed.Attempts, now, null, null));
                            continue;
                        }

                        if (connectionError is not null || clock.GetElapsedTime(started) > DispatchInvitationEmailsCommand.BatchSendingBudget)
                        {
                            batchOutcomes.Add(GiveBack(owed, now, connectionError));
                            continue;
                        }

                        try
                        {
                            session ??= await sender.ConnectAsync(cancellationToken);
                            var message = InvitationEmailComposer.Compose(owed, tokens[owed.TokenHash], invitationOptions.Value, emailOptions.Value);
                            await session.SendAsync(message, cancellationToken);
                            batchOutcomes.Add(new DeliveryOutcome(
                                owed.InvitationId, owed.Number, DeliveryStatus.Sent, owed.Attempts + 1, now, clock.GetUtcNow(), null));
                        }
                        catch (EmailDeliveryException e) when (e.ConnectionLost)
                        {
                            connectionError = e.Message;
                            await DisconnectAsync(session);
                            session = null;
                            batchOutcomes.Add(GiveBack(owed, now, connectionError));
                        }
                        catch (EmailDeliveryException e)
                        {
                            batchOutcomes.Add(Refused(owed, now, e.Message));
                        }
                    }

                    await batch.CompleteAsync(batchOutcomes, CancellationToken.None);
                }

                outcomes.AddRange(batchOutcomes);
            }
        }
        finally
        {
            await DisconnectAsync(session);
        }

        return new DispatchReport(
            outcomes.Count(o => o.Status == DeliveryStatus.Sent),
            outcomes.Count(o => o is { Status: DeliveryStatus.Pending, Error: not null } && o.Error != connectionError),
            outcomes.Count(o => o.Status == DeliveryStatus.Pending && (o.Error is null || o.Error == connectionError)),
            outcomes.Count(o => o.Status == DeliveryStatus.Cancelled),
            outcomes.Where(o => o.Status == DeliveryStatus.Failed).Select(o => new FailedEmail(o.InvitationId, o.Number, o.Error!)).ToList(),
            await outbox.NextDueAsync(cancellationToken),
            connectionError);
    }

    /// <summary>The server took the connection but refused this message: one attempt spent.</summary>
    private DeliveryOutcome Refused(OwedEmail owed, DateTimeOffset now, string error)
    {
        var attempts = owed.Attempts + 1;
        return attempts > _delays.Length
            ? new DeliveryOutcome(owed.InvitationId, owed.Number, DeliveryStatus.Failed, attempts, now, null, error)
            : new DeliveryOutcome(owed.InvitationId, owed.Number, DeliveryStatus.Pending, attempts, now.AddSeconds(_delays[attempts - 1]), null, error);
    }

    /// <summary>Not tried (the server is unreachable, or the batch ran out of time): no attempt spent.</summary>
    private DeliveryOutcome GiveBack(OwedEmail owed, DateTimeOffset now, string? connectionError)
    {
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
}
