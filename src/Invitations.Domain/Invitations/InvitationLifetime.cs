using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Invitations;

/// <summary>How long an invitation may live, and which roles may be given by one.</summary>
public static class InvitationLifetime
{
    public static readonly TimeSpan Max = TimeSpan.FromDays(30);

    /// <summary>The range of <c>expires_in_days</c> a caller may ask for; an operator's default may be any positive span.</summary>
    public const int MinDays = 1;
    public const int MaxDays = 30;

    public static void EnsureInvitable(Role role, TimeSpan lifetime)
    {
        if (role == Role.Owner)
        {
            throw new DomainException(ErrorCodes.RoleNotInvitable, "The owner role can't be given by invitation.");
        }

        if (lifetime <= TimeSpan.Zero || lifetime > Max)
        {
            throw new DomainException(ErrorCodes.InvalidLifetime, $"An invitation's lifetime must be positive and at most {MaxDays} days.");
        }
    }
}
