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
        var now = clock.GetUtcNow();
        var email = "";
        try
        {
            var resent = await db.ChangeInvitationAsync(
                command.Actor, command.InvitationId, i => { email = i.Email; i.Resend(now, command.Locale); }, cancellationToken);
            return resent.ToResponse(now);
        }
        catch (DomainException e) when (e.Code == ErrorCodes.DuplicatePending)
        {
            // Reviving an expired invitation while a newer one for the same address is pending.
            throw InvitationErrors.DuplicatePending(email, null);
        }
    }
}
