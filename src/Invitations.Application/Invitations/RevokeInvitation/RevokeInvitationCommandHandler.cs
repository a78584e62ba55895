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
        var now = clock.GetUtcNow();
        var revoked = await db.ChangeInvitationAsync(
            command.Actor, command.InvitationId, i => i.Revoke(command.Actor.UserId, now), cancellationToken);
        return revoked.ToResponse(now);
    }
}
