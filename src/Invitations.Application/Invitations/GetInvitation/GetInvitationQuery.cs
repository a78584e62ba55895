using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Invitations.GetInvitation;

public sealed record GetInvitationQuery(Actor Actor, InvitationId InvitationId) : IRequest<InvitationResponse>;
