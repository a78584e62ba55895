using System.Linq.Expressions;
using Invitations.Domain.Invitations.Events;

namespace Invitations.Domain.Invitations;

/// <summary>Expiry: the rule, the status readers see by it (in memory and in queries), and the change it allows.</summary>
public sealed partial class Invitation
{
    /// <summary>
    /// The rule of expiry, decided here only: pending, and <see cref="ExpiresAt"/> reached. Readers see such an invitation as
    /// expired (<see cref="StatusAt"/>) whether or not it was marked so yet; <see cref="ShownAs"/> is that for queries, and the
    /// expiry sweep's statement (ExpireOverdueInvitations.sql) this rule for sets. Tests hold the three to agreement.
    /// </summary>
    public bool IsOverdue(DateTimeOffset now) => Status == InvitationStatus.Pending && ExpiresAt <= now;

    /// <summary>The status a reader should see: a pending invitation past its expiry is expired even before the sweep.</summary>
    public InvitationStatus StatusAt(DateTimeOffset now) => IsOverdue(now) ? InvitationStatus.Expired : Status;

    /// <summary>
    /// <see cref="StatusAt"/> as a query predicate (the list's status filter): the invitations a reader sees as
    /// <paramref name="shown"/> at <paramref name="now"/>, a pending one past its expiry counting as expired.
    /// </summary>
    public static Expression<Func<Invitation, bool>> ShownAs(InvitationStatus shown, DateTimeOffset now) => shown switch
    {
        InvitationStatus.Pending => i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now,
        InvitationStatus.Expired => i => i.Status == InvitationStatus.Expired || (i.Status == InvitationStatus.Pending && i.ExpiresAt <= now),
        _ => i => i.Status == shown,
    };

    public void Expire(DateTimeOffset now)
    {
        if (!IsOverdue(now))
        {
            throw InvitationRefusals.NotPending(Status);
        }

        Status = InvitationStatus.Expired;
        Raise(new InvitationExpired(Id));
    }
}
