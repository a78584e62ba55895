using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using MediatR;

namespace Invitations.Application.Invitations.ResendInvitation;

internal sealed class ResendInvitationCommandHandler(IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<ResendInvitationCommand, InvitationResponse>
{
    public async Task<InvitationResponse> Handle(ResendInvitationCommand command, CancellationToken cancellationToken)
    {
        Invitation.EnsureMayInvite(command.Actor);
        var invitation = await db.LoadInvitationAsync(command.Actor, command.InvitationId, cancellationToken);
        var now = clock.GetUtcNow();
        invitation.Resend(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e) when (e.Code == ErrorCodes.DuplicatePending)
        {
            // Reviving an expired invitation while a newer one for the same address is pending.
            throw InvitationErrors.DuplicatePending(invitation.Email, null);
        }

        return InvitationResponse.From(invitation, now);
    }
}
