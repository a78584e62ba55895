using Invitations.Domain.Common;
using Invitations.Domain.Invitations.Events;

namespace Invitations.Domain.Invitations;

/// <summary>What the invitee does with the link: accept or decline, each only while the invitation is open.</summary>
public sealed partial class Invitation
{
    public const int MaxDeclineReasonLength = 500;

    public void Accept(DateTimeOffset now)
    {
        EnsureOpen(now);
        Status = InvitationStatus.Accepted;
        AcceptedAt = now;
        Raise(new InvitationAccepted(Id, UserId));
    }

    /// <summary>
    /// Final, like a revoke: the link stops working and no email goes out for it any more. With <paramref name="block"/>, the
    /// address also opts out of this workspace's invitations; the opt-out returned is saved with this change.
    /// </summary>
    public OptOut? Decline(string? reason, bool block, DateTimeOffset now)
    {
        EnsureOpen(now);
        Status = InvitationStatus.Declined;
        DeclinedAt = now;
        DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Raise(new InvitationDeclined(Id, DeclineReason));
        return block ? OptOut.Of(this, DeclineReason, now) : null;
    }

    /// <summary>Pending and within its lifetime; past it (swept or not), the rule broken is that it expired.</summary>
    private void EnsureOpen(DateTimeOffset now)
    {
        if (StatusAt(now) == InvitationStatus.Expired)
        {
            throw new DomainException(ErrorCodes.Expired, "This invitation has expired.");
        }

        EnsurePending(now);
    }

    private void EnsurePending(DateTimeOffset now)
    {
        if (StatusAt(now) != InvitationStatus.Pending)
        {
            throw InvitationRefusals.NotPending(StatusAt(now));
        }
    }
}
