using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Invitations.ResendInvitation;

/// <param name="Locale">The language of the new email (a BCP 47 tag), kept from now on; null keeps the invitation's.</param>
public sealed record ResendInvitationCommand(Actor Actor, InvitationId InvitationId, string? Locale = null) : IRequest<InvitationResponse>;
