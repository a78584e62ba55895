using Invitations.Domain.Common;

namespace Invitations.Domain.Invitations;

/// <summary>
/// One link given out for an invitation: by email (an outbox row that the dispatcher sends, with its own attempts,
/// back-off and lease) or to the caller (<c>send_email: false</c>). Numbered per invitation; only the link of the newest
/// delivery (<see cref="Invitation.DeliveryVersion"/>) opens the invitation.
/// </summary>
public sealed class InvitationDelivery
{
    private InvitationDelivery()
    {
    }

    public InvitationId InvitationId { get; private set; }

    public int Number { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the dispatcher may try next (now, or after a back-off).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Until when a dispatcher has it claimed; a crashed dispatcher's claims lapse here.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>SHA-256 of the link's secret; for an email, set when the email is composed, just before it is sent.</summary>
    public string? TokenHash { get; private set; }

    public static InvitationDelivery ByEmail(InvitationId invitationId, int number, DateTimeOffset now) => new()
    {
        InvitationId = invitationId,
        Number = number,
        Status = DeliveryStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public static InvitationDelivery ToCaller(InvitationId invitationId, int number, string tokenHash, DateTimeOffset now) => new()
    {
        InvitationId = invitationId,
        Number = number,
        Status = DeliveryStatus.Issued,
        CreatedAt = now,
        NextAttemptAt = now,
        TokenHash = tokenHash,
    };
}
