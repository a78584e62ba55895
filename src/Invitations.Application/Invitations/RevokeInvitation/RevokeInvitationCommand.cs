using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Invitations.RevokeInvitation;

public sealed record RevokeInvitationCommand(Actor Actor, InvitationId InvitationId) : IRequest<InvitationResponse>;
