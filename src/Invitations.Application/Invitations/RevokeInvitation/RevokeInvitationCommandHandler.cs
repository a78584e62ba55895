using Invitations.Application.Common;
using Invitations.Application.Workspaces;
using Invitations.Domain.Invitations;
using MediatR;

namespace Invitations.Application.Invitations.RevokeInvitation;

/// <summary>The workspace's inviters may revoke; the seat the invitation held is free as soon as this commits.</summary>
internal sealed class RevokeInvitationCommandHandler(IInvitationsDbContext db, IWorkspaceDirectory workspaces, TimeProvider clock)
    : IRequestHandler<RevokeInvitationCommand, InvitationResponse>
{
    public async Task<InvitationResponse> Handle(RevokeInvitationCommand command, CancellationToken cancellationToken)
    {
        (await workspaces.CardAsync(command.Actor.WorkspaceId, cancellationToken)).Policy.EnsureMayInvite(command.Actor);
        var now = clock.GetUtcNow();
        var revoked = await db.ChangeInvitationAsync(
            command.Actor, command.InvitationId, i => i.Revoke(command.Actor.UserId, now), cancellationToken);
        return revoked.ToResponse(now);
    }
}
