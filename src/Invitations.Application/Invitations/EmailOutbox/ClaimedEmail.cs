using Invitations.Domain.Invitations;

namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>One claimed email: which delivery, how often it was tried, since when it is owed, and its new link.</summary>
/// <param name="TokenHash">The link's hash as stored: it also marks the claim as this dispatcher's.</param>
/// <param name="TraceParent">The W3C traceparent of the request that owed it, for the dispatch's span to link to.</param>
public sealed record ClaimedEmail(InvitationId InvitationId, int Number, int Attempts, DateTimeOffset OwedSince, string Token, string TokenHash, string? TraceParent)
{
    public (Guid InvitationId, int Number) Key => (InvitationId.Value, Number);
}
