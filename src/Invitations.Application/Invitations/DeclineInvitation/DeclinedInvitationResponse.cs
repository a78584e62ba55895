namespace Invitations.Application.Invitations.DeclineInvitation;

/// <summary>What the invitee is told: only that it worked. Everything else about the invitation is the workspace's.</summary>
public sealed record DeclinedInvitationResponse(string Status);
