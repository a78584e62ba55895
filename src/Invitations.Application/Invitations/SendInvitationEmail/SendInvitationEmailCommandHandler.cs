using Invitations.Application.Common;
using Invitations.Application.Workspaces;
using Invitations.Domain.Invitations;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Invitations.Application.Invitations.SendInvitationEmail;

/// <summary>
/// The aggregate decides; the writes are single statements keyed on this delivery instead of row-versioned saves. The row
/// is written by others right as the job starts (the dispatcher records the job id just after the enqueue), and a version
/// conflict after the send would retry the job: a second email, with a new link that kills the first one.
/// </summary>
internal sealed class SendInvitationEmailCommandHandler(
    IInvitationsDbContext db,
    IWorkspaceDirectory workspaces,
    IEmailSender sender,
    TimeProvider clock,
    IOptions<InvitationOptions> invitationOptions,
    IOptions<EmailOptions> emailOptions) : IRequestHandler<SendInvitationEmailCommand, EmailDeliveryOutcome>
{
    public async Task<EmailDeliveryOutcome> Handle(SendInvitationEmailCommand command, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == command.InvitationId, cancellationToken);
        var now = clock.GetUtcNow();
        var readHash = invitation?.TokenHash;
        var token = invitation?.BeginEmailDelivery(command.DeliveryVersion, now);
        var workspace = invitation is null ? null : await workspaces.FindAsync(invitation.WorkspaceId, cancellationToken);
        if (invitation is null || token is null || workspace is null)
        {
            return EmailDeliveryOutcome.NothingToSend;
        }

        // The new link's hash is committed before the link leaves, so it works the moment the email lands. The conditions
        // are BeginEmailDelivery's, checked again by the database in case a revoke, resend or send got in since the read;
        // the hash read must still be there, so of two overlapping runs of one delivery only one sends.
        var claimed = await ThisDelivery(invitation)
            .Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now && i.TokenHash == readHash
                && (i.EmailStatus == EmailStatus.Queued || i.EmailStatus == EmailStatus.Failed))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.TokenHash, invitation.TokenHash), cancellationToken);
        if (claimed == 0)
        {
            return EmailDeliveryOutcome.NothingToSend;
        }

        var message = InvitationEmailComposer.Compose(invitation, workspace, token, invitationOptions.Value, emailOptions.Value);
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (EmailDeliveryException e)
        {
            invitation.MarkEmailFailed(e.Message, command.FinalAttempt);
            await ThisDelivery(invitation).ExecuteUpdateAsync(
                set => set
                    .SetProperty(i => i.LastEmailError, invitation.LastEmailError)
                    .SetProperty(i => i.EmailStatus, invitation.EmailStatus),
                CancellationToken.None);
            if (command.FinalAttempt)
            {
                return EmailDeliveryOutcome.Failed;
            }

            throw;
        }

        invitation.MarkEmailSent(clock.GetUtcNow());
        await ThisDelivery(invitation).ExecuteUpdateAsync(
            set => set
                .SetProperty(i => i.EmailStatus, invitation.EmailStatus)
                .SetProperty(i => i.EmailSentAt, invitation.EmailSentAt)
                .SetProperty(i => i.LastEmailError, invitation.LastEmailError),
            CancellationToken.None);
        return EmailDeliveryOutcome.Sent;
    }

    /// <summary>The row, as long as no resend has started a newer delivery since.</summary>
    private IQueryable<Invitation> ThisDelivery(Invitation invitation) =>
        db.Invitations.Where(i => i.Id == invitation.Id && i.DeliveryVersion == invitation.DeliveryVersion);
}
