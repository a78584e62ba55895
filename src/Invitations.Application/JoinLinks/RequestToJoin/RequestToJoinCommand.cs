using MediatR;

namespace Invitations.Application.JoinLinks.RequestToJoin;

/// <summary>
/// Someone with a join link asks for an invitation (contract §13). Answered the same way whether or not one will be made: the
/// link is checked (unknown 404; disabled, expired, used up 410) and the join queued, nothing about the address looked at.
/// </summary>
public sealed record RequestToJoinCommand(string? Token, string? Email, string? FirstName = null, string? LastName = null, string? Locale = null)
    : IRequest<Unit>;
