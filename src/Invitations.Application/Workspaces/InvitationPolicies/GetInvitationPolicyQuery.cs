using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.InvitationPolicies;

public sealed record GetInvitationPolicyQuery(Actor Actor) : IRequest<InvitationPolicyResponse>;
