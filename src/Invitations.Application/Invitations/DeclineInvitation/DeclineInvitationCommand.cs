using MediatR;

namespace Invitations.Application.Invitations.DeclineInvitation;

/// <param name="Block">Also opt the address out of the workspace's invitations until the workspace lifts it.</param>
public sealed record DeclineInvitationCommand(string? Token, string? Reason = null, bool Block = false) : IRequest<DeclinedInvitationResponse>;
