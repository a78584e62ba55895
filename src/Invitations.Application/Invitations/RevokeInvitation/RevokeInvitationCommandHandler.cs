using Invitations.Application.Common;
using Invitations.Domain.Invitations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations.RevokeInvitation;

internal sealed class RevokeInvitationCommandHandler(IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<RevokeInvitationCommand, InvitationResponse>
{
    public async Task<InvitationResponse> Handle(RevokeInvitationCommand command, CancellationToken cancellationToken)
    {
        Invitation.EnsureMayInvite(command.Actor);
        var now = clock.GetUtcNow();
        var invitation = await db.ChangeInvitationAsync(
            command.Actor, command.InvitationId, i => i.Revoke(command.Actor.UserId, now), cancellationToken);
        return (await db.Invitations.AsNoTracking()
                .Where(i => i.Id == invitation.Id)
                .WithNewestDelivery(db)
                .Select(row => InvitationResponse.From(row.Invitation, row.Delivery, now))
                .SingleAsync(cancellationToken));
    }
}
