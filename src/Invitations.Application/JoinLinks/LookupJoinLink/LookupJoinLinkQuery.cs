using MediatR;

namespace Invitations.Application.JoinLinks.LookupJoinLink;

/// <param name="Languages">The browser's languages, most preferred first: the page is shown in the first shipped.</param>
public sealed record LookupJoinLinkQuery(string? Token, IReadOnlyList<string>? Languages = null) : IRequest<JoinLinkLookupResponse>;
