using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Invitations;

public sealed class Invitation : AggregateRoot
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResendCooldown = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>The range of <c>expires_in_days</c> a caller may ask for; an operator's default may be any positive span.</summary>
    public const int MinLifetimeDays = 1;
    public const int MaxLifetimeDays = 30;

    private Invitation()
    {
    }

    public InvitationId Id { get; private set; }

    public WorkspaceId WorkspaceId { get; private set; }

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    public string? FirstName { get; private set; }

    public string? LastName { get; private set; }

    public Role Role { get; private set; }

    public Guid TeamId { get; private set; }

    public string TeamTitle { get; private set; } = "";

    /// <summary>Reserved from the user id sequence when the row is inserted; the member gets exactly this id.</summary>
    public long UserId { get; private set; }

    public long InvitedByUserId { get; private set; }

    public string InvitedByEmail { get; private set; } = "";

    public InvitationStatus Status { get; private set; }

    public TimeSpan Lifetime { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastResentAt { get; private set; }

    /// <summary>The number of the newest link given out (<see cref="InvitationDelivery"/>); only its link opens this.</summary>
    public int DeliveryVersion { get; private set; }

    public static Invitation Create(
        Actor inviter,
        EmailAddress email,
        string? firstName,
        string? lastName,
        Role role,
        TeamRef team,
        TimeSpan lifetime,
        bool sendEmail,
        DateTimeOffset now)
    {
        EnsureMayInvite(inviter);
        if (role == Role.Owner)
        {
            throw new DomainException(ErrorCodes.RoleNotInvitable, "The owner role can't be given by invitation.");
        }

        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new DomainException(ErrorCodes.InvalidLifetime, $"An invitation's lifetime must be positive and at most {MaxLifetimeDays} days.");
        }

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
            InvitedByUserId = inviter.UserId,
            InvitedByEmail = inviter.Email,
            Status = InvitationStatus.Pending,
            Lifetime = lifetime,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        if (sendEmail)
        {
            invitation.Deliver(InvitationDelivery.ByEmail(invitation.Id, 1, now));
        }

        return invitation;
    }

    public static void EnsureMayInvite(Actor actor)
    {
        if (!actor.Role.CanInvite())
        {
            throw new DomainException(ErrorCodes.CannotInvite, "Only owners and admins can invite people or manage invitations.");
        }
    }

    /// <summary>The status a reader should see: a pending invitation past its expiry is expired even before the sweep.</summary>
    public InvitationStatus StatusAt(DateTimeOffset now) =>
        Status == InvitationStatus.Pending && now >= ExpiresAt ? InvitationStatus.Expired : Status;

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

    public void Accept(DateTimeOffset now)
    {
        EnsurePending(now);
        Status = InvitationStatus.Accepted;
        AcceptedAt = now;
        Raise(new InvitationAccepted(Id, UserId));
    }

    public void Revoke(long byUserId, DateTimeOffset now)
    {
        if (StatusAt(now) != InvitationStatus.Pending)
        {
            throw NotPending(StatusAt(now));
        }

        Status = InvitationStatus.Revoked;
        RevokedAt = now;
        Raise(new InvitationRevoked(Id, byUserId));
    }

    /// <summary>Pending or expired becomes pending again, with a fresh lifetime and a new email (and so a new link).</summary>
    public void Resend(DateTimeOffset now)
    {
        if (Status is not (InvitationStatus.Pending or InvitationStatus.Expired))
        {
            throw NotPending(Status);
        }

        if (LastResentAt is { } last && now - last < ResendCooldown)
        {
            throw new DomainException(ErrorCodes.ResendTooSoon, "This invitation was resent less than a minute ago.")
            {
                AllowedAgainIn = ResendCooldown - (now - last),
            };
        }

        Status = InvitationStatus.Pending;
        ExpiresAt = now + Lifetime;
        LastResentAt = now;
        Deliver(InvitationDelivery.ByEmail(Id, DeliveryVersion + 1, now));
    }

    public void Expire(DateTimeOffset now)
    {
        if (Status != InvitationStatus.Pending || now < ExpiresAt)
        {
            throw NotPending(Status);
        }

        Status = InvitationStatus.Expired;
    }

    /// <summary>The delivery this unit of work gave out, before it is saved; null if none.</summary>
    public InvitationDelivery? NewestDelivery() => DomainEvents.OfType<InvitationDeliveryRequested>().LastOrDefault()?.Delivery;

    /// <summary>The new delivery supersedes every earlier one; it is written in the same transaction as this change.</summary>
    private void Deliver(InvitationDelivery delivery)
    {
        DeliveryVersion = delivery.Number;
        Raise(new InvitationDeliveryRequested(delivery));
    }

    private void EnsurePending(DateTimeOffset now)
    {
        switch (StatusAt(now))
        {
            case InvitationStatus.Pending:
                return;
            case InvitationStatus.Expired:
                throw new DomainException(ErrorCodes.Expired, "This invitation has expired.");
            default:
                throw NotPending(Status);
        }
    }

    private static DomainException NotPending(InvitationStatus status) =>
        new(ErrorCodes.NotPending, $"This invitation is {status.LowerCaseName()}, not pending.")
        {
            InvitationStatus = status.LowerCaseName(),
        };
}
