using Invitations.Domain.Invitations;

namespace Invitations.Application.Invitations;

/// <summary>Where an invitation's newest link stands, as its resource shows it: the newest delivery's status, when it went, why not.</summary>
public sealed record EmailState(DeliveryStatus Status, DateTimeOffset? SentAt, string? LastError)
{
    public static EmailState? Of(InvitationDelivery? newest) => newest is null ? null : new(newest.Status, newest.SentAt, newest.LastError);

    /// <summary>
    /// <c>email_status</c>: null for a link the caller delivers; an email not sent because the invitation stopped being
    /// pending reads as still queued, as it did before deliveries had a status of their own.
    /// </summary>
    public string? WireStatus => Status switch
    {
        DeliveryStatus.Issued => null,
        DeliveryStatus.Sent => "sent",
        DeliveryStatus.Failed => "failed",
        _ => "queued",
    };
}
