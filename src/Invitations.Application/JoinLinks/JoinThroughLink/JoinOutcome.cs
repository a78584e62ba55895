namespace Invitations.Application.JoinLinks.JoinThroughLink;

/// <summary>What a join made: an invitation, or nothing and the rule that said no (shown on the job's dashboard entry only).</summary>
public sealed record JoinOutcome(Guid? InvitationId, string? Refusal)
{
    public override string ToString() => InvitationId is { } id ? $"invitation {id} made" : $"no invitation: {Refusal}";
}
