namespace Invitations.Api.Endpoints;

/// <summary>The one answer to a well-formed join: the same bytes whether or not an invitation is made (contract §13).</summary>
public sealed record JoinAnswer(string Status)
{
    public static readonly JoinAnswer InvitationSent = new("invitation_sent");
}
