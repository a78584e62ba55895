using Invitations.Domain.Workspaces;

namespace Invitations.Domain.JoinLinks;

/// <summary>What a join link holds; only its own methods (JoinLink.cs, JoinLink.Admission.cs) change it.</summary>
public sealed partial class JoinLink
{
    public JoinLinkId Id { get; private set; }

    public WorkspaceId WorkspaceId { get; private set; }

    /// <summary>SHA-256 of the link's token; a rotation replaces it.</summary>
    public string TokenHash { get; private set; } = "";

    public Role Role { get; private set; }

    public Guid TeamId { get; private set; }

    public string TeamTitle { get; private set; } = "";

    /// <summary>How many invitations the link may make; null: no limit.</summary>
    public int? MaxUses { get; private set; }

    /// <summary>Invitations made through it. Counted in the database by the create's own statement, as <see cref="Use"/> says.</summary>
    public int Uses { get; private set; }

    /// <summary>The domains an address must match one of (none: any); the workspace's invitation policy applies as well.</summary>
    public IReadOnlyList<DomainPattern> AllowedDomains { get; private set; } = [];

    public string? Description { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    public long CreatedByUserId { get; private set; }

    public string CreatedByEmail { get; private set; } = "";

    /// <summary>The creator's role then: it caps the link's role, and the invitations are theirs.</summary>
    public Role CreatedByRole { get; private set; }

    /// <summary>The inviter of every invitation the link makes.</summary>
    public Actor Creator => new(WorkspaceId, CreatedByUserId, CreatedByEmail, CreatedByRole);
}
