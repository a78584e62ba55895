using Invitations.Domain.Common;
using Invitations.Domain.Invitations.Events;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Invitations;

/// <summary>What the invitee does with the link: accept or decline, each only while the invitation is open.</summary>
public sealed partial class Invitation
{
    public const int MaxDeclineReasonLength = 500;

    /// <summary>
    /// Open, and within the workspace's domain rules as they are now (a policy changed since the create refuses it, and the
    /// invitation stays pending). The seat it held becomes the member's: a lowered seat limit never refuses an accept.
    /// </summary>
    public void Accept(InvitationPolicy policy, DateTimeOffset now)
    {
        EnsureOpen(now);
        policy.EnsureAllows(Email);
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
