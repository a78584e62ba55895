using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces.InvitationPolicies;

/// <summary>The policy on the wire: domains in their ASCII (punycode) lower-case form, <c>*.</c> for subdomains; roles by name.</summary>
public sealed record InvitationPolicyResponse(
    IReadOnlyList<string> AllowedDomains, IReadOnlyList<string> BlockedDomains, int? MaxExpiresInDays, IReadOnlyList<string> InviterRoles)
{
    public static InvitationPolicyResponse From(InvitationPolicy policy) => new(
        policy.AllowedDomains.Select(d => d.ToString()).ToList(),
        policy.BlockedDomains.Select(d => d.ToString()).ToList(),
        policy.MaxExpiresInDays,
        policy.InviterRoles.Select(r => r.Name()).ToList());
}
