using Invitations.Domain.Common;

namespace Invitations.Domain.Workspaces;

/// <summary>
/// A workspace's rules for who invites whom (contract §12). <see cref="Default"/> is §1 unchanged: owners and admins invite,
/// any domain, the operator's lifetime.
/// </summary>
/// <param name="MaxExpiresInDays">Caps a caller's <c>expires_in_days</c> (over it: refused) and, when lower, the default lifetime.</param>
/// <param name="InviterRoles">Who may invite; always holds <see cref="Role.Owner"/>.</param>
public sealed record InvitationPolicy(
    IReadOnlyList<DomainPattern> AllowedDomains,
    IReadOnlyList<DomainPattern> BlockedDomains,
    int? MaxExpiresInDays,
    IReadOnlyList<Role> InviterRoles)
{
    public static readonly InvitationPolicy Default = new([], [], null, [Role.Owner, Role.Admin]);

    /// <summary>Owners and admins read and set the policy, whomever it lets invite.</summary>
    public static void EnsureMayManage(Actor actor)
    {
        if (!actor.Role.CanInvite())
        {
            throw new DomainException(ErrorCodes.CannotManagePolicy, "Only owners and admins can see and set the invitation policy.");
        }
    }

    /// <summary>The actor may invite at all, and may give <paramref name="role"/>: nobody invites a role above their own.</summary>
    public void EnsureMayInvite(Actor actor, Role role)
    {
        EnsureMayInvite(actor);
        if (role.Rank() < actor.Role.Rank())
        {
            throw new DomainException(
                ErrorCodes.RoleMayNotInvite, $"A {actor.Role.Name()} can't invite a {role.Name()}: nobody invites a role above their own.");
        }
    }

    /// <summary>The actor is among the inviters (and so may also manage invitations).</summary>
    public void EnsureMayInvite(Actor actor)
    {
        if (!InviterRoles.Contains(actor.Role))
        {
            throw new DomainException(
                ErrorCodes.CannotInvite, $"Only {string.Join(", ", InviterRoles.Select(r => r.Name()))} members can invite people or manage invitations.");
        }
    }

    /// <summary>The address's domain is not refused: it matches an allowed rule (when there are any) and no blocked one.</summary>
    public void EnsureAllows(string email)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..];
        if (BlockedDomains.Any(rule => rule.Matches(domain)) || (AllowedDomains.Count > 0 && !AllowedDomains.Any(rule => rule.Matches(domain))))
        {
            throw new DomainException(ErrorCodes.EmailDomainNotAllowed, $"This workspace does not invite addresses at {domain}.");
        }
    }

    /// <summary>The lifetime an invitation gets: the one asked for (within the cap) or the operator's, lowered to the cap.</summary>
    public TimeSpan LifetimeFor(int? requestedDays, TimeSpan operatorDefault)
    {
        if (requestedDays is { } days)
        {
            return MaxExpiresInDays is { } most && days > most
                ? throw new DomainException(ErrorCodes.InvalidLifetime, $"This workspace lets an invitation live at most {most} days.")
                : TimeSpan.FromDays(days);
        }

        return MaxExpiresInDays is { } cap && TimeSpan.FromDays(cap) < operatorDefault ? TimeSpan.FromDays(cap) : operatorDefault;
    }
}
