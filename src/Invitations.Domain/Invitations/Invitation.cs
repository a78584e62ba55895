using Invitations.Domain.Common;
using Invitations.Domain.Invitations.Events;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Invitations;

/// <summary>
/// The only writer of an invitation's state: each method checks its rule, changes the state and raises the event that
/// reports it. The one set-based writer, the expiry sweep, runs the twin of <see cref="IsOverdue"/> in SQL.
/// </summary>
public sealed partial class Invitation : AggregateRoot
{
    private Invitation()
    {
    }

    /// <param name="policy">The workspace's rules of who invites whom (contract §12), checked here.</param>
    /// <param name="userId">The id reserved for the person: a member made by accepting gets exactly this one.</param>
    /// <param name="locale">The invitee's language as asked for (a well-formed BCP 47 tag), or null.</param>
    /// <param name="joinLink">The join link the invitee asked through (contract §13), if they did.</param>
    public static Invitation Create(
        Actor inviter, InvitationPolicy policy, EmailAddress email, string? firstName, string? lastName, Role role, TeamRef team,
        TimeSpan lifetime, bool sendEmail, long userId, DateTimeOffset now, Metadata? metadata = null, string? locale = null,
        JoinLinkId? joinLink = null)
    {
        InvitationLifetime.EnsureInvitable(role, lifetime);
        policy.EnsureMayInvite(inviter, role);
        policy.EnsureAllows(email.Value);
        var invitation = new Invitation
        {
            Id = InvitationId.New(),
            WorkspaceId = inviter.WorkspaceId,
            Email = email.Value,
            NormalizedEmail = email.Normalized,
            FirstName = PersonName.Tidy(firstName),
            LastName = PersonName.Tidy(lastName),
            Role = role,
            TeamId = team.Id,
            TeamTitle = team.Title,
            UserId = userId,
            InvitedByUserId = inviter.UserId,
            InvitedByEmail = inviter.Email,
            Status = InvitationStatus.Pending,
            Lifetime = lifetime,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            Metadata = metadata ?? Metadata.Empty,
            Locale = locale,
            JoinLinkId = joinLink,
        };
        invitation.Raise(new InvitationCreated(invitation.Id));
        if (sendEmail)
        {
            invitation.Deliver(InvitationDelivery.ByEmail(invitation.Id, 1, now));
        }

        return invitation;
    }

    /// <summary>
    /// The rule of expiry, decided here only: pending, and <see cref="ExpiresAt"/> reached. Readers see such an invitation as
    /// expired (<see cref="StatusAt"/>) whether or not it was marked so yet; <see cref="ShownAs"/> is that for queries, and the
    /// expiry sweep's statement (ExpireOverdueInvitations.sql) this rule for sets. Tests hold the three to agreement.
    /// </summary>
    public bool IsOverdue(DateTimeOffset now) => Status == InvitationStatus.Pending && ExpiresAt <= now;

    /// <summary>The status a reader should see: a pending invitation past its expiry is expired even before the sweep.</summary>
    public InvitationStatus StatusAt(DateTimeOffset now) => IsOverdue(now) ? InvitationStatus.Expired : Status;

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

    public void Revoke(long byUserId, DateTimeOffset now)
    {
        EnsurePending(now);
        Status = InvitationStatus.Revoked;
        RevokedAt = now;
        Raise(new InvitationRevoked(Id, byUserId));
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

    public void Expire(DateTimeOffset now)
    {
        if (!IsOverdue(now))
        {
            throw InvitationRefusals.NotPending(Status);
        }

        Status = InvitationStatus.Expired;
        Raise(new InvitationExpired(Id));
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
