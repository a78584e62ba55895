using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.InvitationPolicies;

/// <summary>Owners and admins: the same who may change it.</summary>
internal sealed class GetInvitationPolicyQueryHandler(IWorkspaceDirectory workspaces) : IRequestHandler<GetInvitationPolicyQuery, InvitationPolicyResponse>
{
    public async Task<InvitationPolicyResponse> Handle(GetInvitationPolicyQuery query, CancellationToken cancellationToken)
    {
        InvitationPolicy.EnsureMayManage(query.Actor);
        return InvitationPolicyResponse.From((await workspaces.CardAsync(query.Actor.WorkspaceId, cancellationToken)).Policy);
    }
}
