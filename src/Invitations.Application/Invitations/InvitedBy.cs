namespace Invitations.Application.Invitations;

public sealed record InvitedBy(long UserId, string Email);
