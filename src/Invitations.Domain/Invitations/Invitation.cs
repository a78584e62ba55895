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

    public void Revoke(long byUserId, DateTimeOffset now)
    {
        EnsurePending(now);
        Status = InvitationStatus.Revoked;
        RevokedAt = now;
        Raise(new InvitationRevoked(Id, byUserId));
    }
}
