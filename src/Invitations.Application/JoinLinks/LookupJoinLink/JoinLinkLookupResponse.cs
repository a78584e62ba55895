namespace Invitations.Application.JoinLinks.LookupJoinLink;

/// <summary>
/// What the join page shows: where the link leads and whether it is open. Nothing about who made it, how often it was used or
/// which domains it admits. <see cref="Language"/> is the one to show the page in (contract §11).
/// </summary>
public sealed record JoinLinkLookupResponse(string WorkspaceName, string Role, string Team, DateTimeOffset ExpiresAt, string Status, string Language);
