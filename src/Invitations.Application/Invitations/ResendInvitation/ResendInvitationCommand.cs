using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Invitations.ResendInvitation;

public sealed record ResendInvitationCommand(Actor Actor, InvitationId InvitationId) : IRequest<InvitationResponse>;
