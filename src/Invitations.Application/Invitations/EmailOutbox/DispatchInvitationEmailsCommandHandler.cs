using Invitations.Application.Common;
using MediatR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>
/// Claim a batch, hold it, send each email over the one connection and record each outcome as it comes; again until nothing
/// is due. A failed attempt — refused by the server, or the server out of reach — backs off by <see cref="BackOff"/>. Asked
/// to stop, it sends nothing more: what was sent is recorded and the rest given back before it returns.
/// </summary>
internal sealed class DispatchInvitationEmailsCommandHandler(
    IEmailOutbox outbox,
    IEmailSender sender,
    TimeProvider clock,
    IOptions<InvitationOptions> invitationOptions,
    IOptions<EmailOptions> emailOptions,
    EmailDispatchObserver observer,
    IStringLocalizer<InvitationEmailTexts> texts) : IRequestHandler<DispatchInvitationEmailsCommand, DispatchReport>
{
    private readonly BackOff _backOff = new(emailOptions.Value.RetryDelays);

    public async Task<DispatchReport> Handle(DispatchInvitationEmailsCommand command, CancellationToken stopping)
    {
        var report = new DispatchTally();
        await using var connection = new EmailConnection(sender);
        var more = true;
        while (more && connection.Lost is null && !stopping.IsCancellationRequested)
        {
            var claimStarted = DateTimeOffset.UtcNow;
            var claimed = await outbox.ClaimAsync(command.BatchSize, clock.GetUtcNow(), CancellationToken.None);
            if (claimed.Count == 0)
            {
                break;
            }

            using var batchSpan = Telemetry.StartBatch("invitations.email.dispatch", claimStarted, claimed.Count, claimed.Select(c => c.TraceParent));
            var batchReport = new DispatchTally();
            await using (var batch = await outbox.OpenAsync(claimed, CancellationToken.None))
            {
                foreach (var email in batch.Emails.TakeWhile(_ => batch.Holding && !stopping.IsCancellationRequested))
                {
                    var outcome = await DeliverAsync(batch, email, connection);
                    await batch.RecordAsync(email, outcome);
                    batchReport.Add(email, outcome);
                }

                await batch.CompleteAsync();
            }

            observer.Batch(batchReport, batchSpan);
            report.Add(batchReport, connection.Lost);
            more = claimed.Count == command.BatchSize;
        }

        return report.Report(await outbox.NextDueAsync(CancellationToken.None));
    }

    private async Task<DeliveryOutcome> DeliverAsync(IEmailBatch batch, OwedEmail email, EmailConnection connection)
    {
        var now = clock.GetUtcNow();
        if (!batch.MayBeSent(email, now))
        {
            return DeliveryOutcome.Cancelled(email.Claim, now);
        }

        try
        {
            await connection.SendAsync(InvitationEmailComposer.Compose(email, invitationOptions.Value, emailOptions.Value, texts));
            return DeliveryOutcome.Sent(email.Claim, clock.GetUtcNow());
        }
        catch (EmailDeliveryException e)
        {
            return _backOff.Failed(email.Claim, e.Message, now);
        }
    }
}
