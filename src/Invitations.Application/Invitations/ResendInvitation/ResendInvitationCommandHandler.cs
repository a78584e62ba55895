using Invitations.Application.Common;
using Invitations.Application.Workspaces;
using Invitations.Application.Workspaces.Seats;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations.ResendInvitation;

/// <summary>
/// The workspace's inviters may resend. Reviving an expired invitation takes a seat again (contract §12): under the workspace's
/// admission lock, in one transaction with the change, so that it never passes the seat limit whatever runs beside it.
/// </summary>
internal sealed class ResendInvitationCommandHandler(IInvitationsDbContext db, IWorkspaceDirectory workspaces, ISeats seats, TimeProvider clock)
    : IRequestHandler<ResendInvitationCommand, InvitationResponse>
{
    public async Task<InvitationResponse> Handle(ResendInvitationCommand command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        (await workspaces.CardAsync(actor.WorkspaceId, cancellationToken)).Policy.EnsureMayInvite(actor);
        var now = clock.GetUtcNow();
        var revives = await db.Invitations
            .Where(i => i.Id == command.InvitationId && i.WorkspaceId == actor.WorkspaceId)
            .Where(Invitation.ShownAs(InvitationStatus.Expired, now))
            .AnyAsync(cancellationToken);
        var email = "";
        try
        {
            var resent = revives
                ? await db.AtomicallyAsync(
                    async () =>
                    {
                        (await seats.LockAndCountAsync(actor.WorkspaceId, now, cancellationToken)).EnsureFree(1);
                        return await ResendAsync();
                    },
                    cancellationToken)
                : await ResendAsync();
            return resent.ToResponse(now);
        }
        catch (DomainException e) when (e.Code == ErrorCodes.DuplicatePending)
        {
            // Reviving an expired invitation while a newer one for the same address is pending.
            throw InvitationErrors.DuplicatePending(email, null);
        }

        Task<InvitationWithDelivery> ResendAsync() => db.ChangeInvitationAsync(
            actor, command.InvitationId, i => { email = i.Email; i.Resend(now, command.Locale); }, cancellationToken);
    }
}
