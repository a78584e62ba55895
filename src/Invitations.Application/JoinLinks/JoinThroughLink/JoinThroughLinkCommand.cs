using Invitations.Domain.JoinLinks;
using MediatR;

namespace Invitations.Application.JoinLinks.JoinThroughLink;

/// <summary>A queued join (<see cref="IJoinQueue"/>) made into an invitation, if the link, the address and the workspace allow it.</summary>
public sealed record JoinThroughLinkCommand(JoinLinkId LinkId, string Email, string? FirstName, string? LastName, string? Locale)
    : IRequest<JoinOutcome>;
