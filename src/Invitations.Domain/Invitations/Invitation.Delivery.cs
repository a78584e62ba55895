using Invitations.Domain.Common;
using Invitations.Domain.Invitations.Events;

namespace Invitations.Domain.Invitations;

/// <summary>The links it gives out: each new delivery (an email, or a link for the caller) makes every earlier link stop working.</summary>
public sealed partial class Invitation
{
    /// <summary>Whether its link (the delivery numbered <paramref name="number"/>) may still be sent: pending, not overdue, newest.</summary>
    public bool MayBeDelivered(int number, DateTimeOffset now) => StatusAt(now) == InvitationStatus.Pending && number == DeliveryVersion;

    /// <summary>
    /// A link for the caller to deliver itself; every earlier link stops working. Returns the plaintext, which is never
    /// stored (its hash is, on the delivery).
    /// </summary>
    public string IssueLink(DateTimeOffset now)
    {
        var token = SecretToken.New();
        Deliver(InvitationDelivery.ToCaller(Id, DeliveryVersion + 1, token.Hash, now));
        return token.Plaintext;
    }

    /// <summary>
    /// Pending or expired becomes pending again, with a fresh lifetime and a new email (and so a new link), in
    /// <paramref name="locale"/> when one is given.
    /// </summary>
    public void Resend(DateTimeOffset now, string? locale = null)
    {
        if (Status is not (InvitationStatus.Pending or InvitationStatus.Expired))
        {
            throw InvitationRefusals.NotPending(Status);
        }

        if (LastResentAt is { } last && now - last < ResendCooldown)
        {
            throw InvitationRefusals.ResendTooSoon(ResendCooldown - (now - last));
        }

        Status = InvitationStatus.Pending;
        ExpiresAt = now + Lifetime;
        LastResentAt = now;
        Locale = locale ?? Locale;
        Raise(new InvitationResent(Id));
        Deliver(InvitationDelivery.ByEmail(Id, DeliveryVersion + 1, now));
    }

    /// <summary>The delivery this unit of work gave out, before it is saved; null if none.</summary>
    public InvitationDelivery? NewestDelivery() => DomainEvents.OfType<InvitationDeliveryRequested>().LastOrDefault()?.Delivery;

    /// <summary>The new delivery supersedes every earlier one; it is written in the same transaction as this change.</summary>
    private void Deliver(InvitationDelivery delivery)
    {
        DeliveryVersion = delivery.Number;
        Raise(new InvitationDeliveryRequested(delivery));
    }
}
