namespace Invitations.Domain.JoinLinks;

/// <summary>What a join link is at a moment (contract §13); only <see cref="Active"/> admits anyone.</summary>
public enum JoinLinkStatus
{
    Active,
    Disabled,
    Expired,
    UsedUp,
}
