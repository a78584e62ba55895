using Invitations.Domain.Common;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Invitations;

/// <summary>What an invitation holds; only its own methods (Invitation.cs and its other parts) change it.</summary>
public sealed partial class Invitation
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResendCooldown = TimeSpan.FromSeconds(60);

    public InvitationId Id { get; private set; }

    public WorkspaceId WorkspaceId { get; private set; }

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    public string? FirstName { get; private set; }

    public string? LastName { get; private set; }

    public Role Role { get; private set; }

    public Guid TeamId { get; private set; }

    public string TeamTitle { get; private set; } = "";

    /// <summary>Reserved from the user id sequence when it is created; the member gets exactly this id.</summary>
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

    public DateTimeOffset? DeclinedAt { get; private set; }

    /// <summary>What the invitee gave as their reason for declining, if anything.</summary>
    public string? DeclineReason { get; private set; }

    /// <summary>The invitee's language as the inviter asked for it (a BCP 47 tag), or null: the email and page then fall back.</summary>
    public string? Locale { get; private set; }

    /// <summary>The inviter's own data, carried to the member at accept.</summary>
    public Metadata Metadata { get; private set; } = Metadata.Empty;

    /// <summary>The join link it was made through (contract §13), if any.</summary>
    public JoinLinkId? JoinLinkId { get; private set; }

    /// <summary>The number of the newest link given out (<see cref="InvitationDelivery"/>); only its link opens this.</summary>
    public int DeliveryVersion { get; private set; }
}
