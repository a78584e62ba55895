using Invitations.Application.Common;
using Invitations.Domain.Invitations;
using MediatR;

namespace Invitations.Application.Invitations.RevokeInvitation;

internal sealed class RevokeInvitationCommandHandler(IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<RevokeInvitationCommand, InvitationResponse>
{
    public async Task<InvitationResponse> Handle(RevokeInvitationCommand command, CancellationToken cancellationToken)
    {
        Invitation.EnsureMayInvite(command.Actor);
        var invitation = await db.LoadInvitationAsync(command.Actor, command.InvitationId, cancellationToken);
        var now = clock.GetUtcNow();
        invitation.Revoke(command.Actor.UserId, now);
        await db.SaveChangesAsync(cancellationToken);
        return InvitationResponse.From(invitation, now);
    }
}
