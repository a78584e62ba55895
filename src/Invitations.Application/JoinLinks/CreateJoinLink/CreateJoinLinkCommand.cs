using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.JoinLinks.CreateJoinLink;

/// <param name="Team">The team's title; none: the default team.</param>
/// <param name="MaxUses">How many invitations the link may make (1–10,000); none: no limit.</param>
/// <param name="ExpiresInDays">1–90; none: 7.</param>
/// <param name="AllowedDomains">Domain rules as the invitation policy takes them; none: any domain the policy allows.</param>
public sealed record CreateJoinLinkCommand(
    Actor Actor,
    string? Role,
    string? Team = null,
    int? MaxUses = null,
    int? ExpiresInDays = null,
    IReadOnlyList<string>? AllowedDomains = null,
    string? Description = null) : IRequest<JoinLinkResponse>
{
    public const int MaxDomains = 100;
}
