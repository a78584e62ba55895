namespace Invitations.Domain.Invitations;

public enum DeliveryStatus
{
    /// <summary>An email is owed: the dispatcher sends it when <see cref="InvitationDelivery.NextAttemptAt"/> comes.</summary>
    Pending,

    Sent,

    /// <summary>Every attempt failed; a resend (or the dashboard's Requeue) owes a new one.</summary>
    Failed,

    /// <summary>Never sent because the invitation stopped being pending, or a resend superseded it.</summary>
    Cancelled,

    /// <summary>A link the caller delivers itself; nothing to send.</summary>
    Issued,
}
