using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.InvitationPolicies;

/// <summary>Replaces the whole policy; an absent field takes its default (no domain rules, no cap, owners and admins invite).</summary>
public sealed record SetInvitationPolicyCommand(
    Actor Actor,
    IReadOnlyList<string>? AllowedDomains,
    IReadOnlyList<string>? BlockedDomains,
    int? MaxExpiresInDays,
    IReadOnlyList<string>? InviterRoles) : IRequest<InvitationPolicyResponse>
{
    public const int MaxDomains = 100;

    /// <summary>The policy the command describes; only for a command its validator passed.</summary>
    public InvitationPolicy ToPolicy() => new(
        DomainPattern.ParseAll(AllowedDomains),
        DomainPattern.ParseAll(BlockedDomains),
        MaxExpiresInDays,
        InviterRoles is null ? InvitationPolicy.Default.InviterRoles : InviterRoles.Select(Roles.Parse).Distinct().ToList());
}
