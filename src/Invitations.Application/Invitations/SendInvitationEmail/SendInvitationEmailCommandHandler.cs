using Invitations.Application.Common;
using Invitations.Application.Workspaces;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Invitations.Application.Invitations.SendInvitationEmail;

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
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == command.InvitationId, cancellationToken);
        var token = invitation?.BeginEmailDelivery(command.DeliveryVersion, clock.GetUtcNow());
        var workspace = invitation is null ? null : await workspaces.FindAsync(invitation.WorkspaceId, cancellationToken);
        if (invitation is null || token is null || workspace is null)
        {
            return EmailDeliveryOutcome.NothingToSend;
        }

        // The new link's hash is committed before the link leaves, so it works the moment the email lands.
        await db.SaveChangesAsync(cancellationToken);
        var message = InvitationEmailComposer.Compose(invitation, workspace, token, invitationOptions.Value, emailOptions.Value);
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (EmailDeliveryException e)
        {
            invitation.MarkEmailFailed(e.Message, command.FinalAttempt);
            await db.SaveChangesAsync(CancellationToken.None);
            if (command.FinalAttempt)
            {
                return EmailDeliveryOutcome.Failed;
            }

            throw;
        }

        invitation.MarkEmailSent(clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        return EmailDeliveryOutcome.Sent;
    }
}
