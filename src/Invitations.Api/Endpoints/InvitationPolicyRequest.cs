namespace Invitations.Api.Endpoints;

/// <summary>The whole policy: an absent field takes its default (no domain rules, no cap, owners and admins invite).</summary>
public sealed record InvitationPolicyRequest(
    IReadOnlyList<string>? AllowedDomains, IReadOnlyList<string>? BlockedDomains, int? MaxExpiresInDays, IReadOnlyList<string>? InviterRoles);
