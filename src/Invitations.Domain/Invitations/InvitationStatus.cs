namespace Invitations.Domain.Invitations;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,
    Expired,

    /// <summary>The invitee said no (contract §11): final, like <see cref="Revoked"/>.</summary>
    Declined,
}
