using Invitations.Application.Common;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.InvitationPolicies;

internal sealed class SetInvitationPolicyCommandHandler(IInvitationsDbContext db) : IRequestHandler<SetInvitationPolicyCommand, InvitationPolicyResponse>
{
    public async Task<InvitationPolicyResponse> Handle(SetInvitationPolicyCommand command, CancellationToken cancellationToken)
    {
        InvitationPolicy.EnsureMayManage(command.Actor);
        var workspace = await db.LoadWorkspaceAsync(command.Actor.WorkspaceId, cancellationToken);
        workspace.ChangePolicy(command.Actor, command.ToPolicy());
        await db.SaveChangesAsync(cancellationToken);
        return InvitationPolicyResponse.From(workspace.Policy);
    }
}
