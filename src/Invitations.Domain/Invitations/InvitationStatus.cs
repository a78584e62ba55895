namespace Invitations.Domain.Invitations;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}
