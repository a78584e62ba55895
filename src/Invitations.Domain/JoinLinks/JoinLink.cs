using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.JoinLinks;

/// <summary>
/// One shareable link that lets anyone who has it ask to join a workspace (contract §13): they give an address and get an
/// ordinary invitation, with the link's role and team, made by the link's creator. Open while not disabled, not past
/// <see cref="ExpiresAt"/> and not used up; each invitation made through it is one use. Only <see cref="TokenHash"/> is kept.
/// </summary>
public sealed class JoinLink
{
    public const int MaxUsesLimit = 10_000;
    public const int MinDays = 1;
    public const int MaxDays = 90;
    public const int DefaultDays = 7;
    public const int MaxDescriptionLength = 500;

    private JoinLink()
    {
    }

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

    /// <summary>A new link and its token (the plaintext, shown once, never stored).</summary>
    public static (JoinLink Link, string Token) Create(
        Actor creator, Role role, TeamRef team, int? maxUses, int? expiresInDays, IReadOnlyList<DomainPattern> allowedDomains,
        string? description, DateTimeOffset now)
    {
        EnsureMayManage(creator);
        if (role.Rank() < creator.Role.Rank())
        {
            throw new DomainException(
                ErrorCodes.RoleMayNotInvite, $"A {creator.Role.Name()} can't make a join link for {role.Name()}: nobody invites a role above their own.");
        }

        if (role == Role.Owner)
        {
            throw new DomainException(ErrorCodes.RoleNotInvitable, "The owner role can't be given by a join link.");
        }

        // The command's validator answers these with a 400 naming the field; here they are only guarded.
        if (maxUses is < 1 or > MaxUsesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxUses), maxUses, $"1 to {MaxUsesLimit}, or null for no limit.");
        }

        if (expiresInDays is < MinDays or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresInDays), expiresInDays, $"{MinDays} to {MaxDays}, or null for {DefaultDays}.");
        }

        var token = SecretToken.New();
        var link = new JoinLink
        {
            Id = JoinLinkId.New(),
            WorkspaceId = creator.WorkspaceId,
            TokenHash = token.Hash,
            Role = role,
            TeamId = team.Id,
            TeamTitle = team.Title,
            MaxUses = maxUses,
            AllowedDomains = allowedDomains,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            CreatedAt = now,
            ExpiresAt = now + TimeSpan.FromDays(expiresInDays ?? DefaultDays),
            CreatedByUserId = creator.UserId,
            CreatedByEmail = creator.Email,
            CreatedByRole = creator.Role,
        };
        return (link, token.Plaintext);
    }

    /// <summary>Join links are for owners and admins, whom else the invitation policy lets invite.</summary>
    public static void EnsureMayManage(Actor actor)
    {
        if (!actor.Role.CanInvite())
        {
            throw new DomainException(ErrorCodes.CannotManageJoinLinks, "Only owners and admins can manage join links.");
        }
    }

    /// <summary>
    /// The rule of who may still join, decided here: disabled wins, then expiry, then the use limit. The create statement
    /// (CreateInvitation.sql, its <c>used</c> step) re-checks the same rule on the link's row as it counts a use.
    /// </summary>
    public JoinLinkStatus StatusAt(DateTimeOffset now) =>
        DisabledAt is not null ? JoinLinkStatus.Disabled
        : ExpiresAt <= now ? JoinLinkStatus.Expired
        : MaxUses is { } most && Uses >= most ? JoinLinkStatus.UsedUp
        : JoinLinkStatus.Active;

    /// <summary>Refused (410) unless the link is open.</summary>
    public void EnsureOpen(DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status != JoinLinkStatus.Active)
        {
            throw Closed(status);
        }
    }

    /// <summary>
    /// One use, for an invitation made through the link: only while it is open, and never past <see cref="MaxUses"/>. A join
    /// counts it in the database in the statement that inserts the invitation (CreateInvitation.sql), this rule's twin for
    /// the row, so concurrent joins on any number of nodes never pass the limit and a join that makes nothing counts nothing.
    /// </summary>
    public void Use(DateTimeOffset now)
    {
        EnsureOpen(now);
        Uses++;
    }

    /// <summary>The address's domain matches one of the link's own domains, when it has any.</summary>
    public void EnsureAllows(string email)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..];
        if (AllowedDomains.Count > 0 && !AllowedDomains.Any(rule => rule.Matches(domain)))
        {
            throw new DomainException(ErrorCodes.EmailDomainNotAllowed, $"This join link does not admit addresses at {domain}.");
        }
    }

    /// <summary>Nobody joins through it any more. Disabling a disabled link changes nothing.</summary>
    public void Disable(DateTimeOffset now) => DisabledAt ??= now;

    /// <summary>A new token; the old one stops working with this change. The id and the uses stay. Returns the plaintext.</summary>
    public string Rotate()
    {
        var token = SecretToken.New();
        TokenHash = token.Hash;
        return token.Plaintext;
    }

    public static DomainException Closed(JoinLinkStatus status) =>
        new(ErrorCodes.JoinLinkClosed, status switch
        {
            JoinLinkStatus.Disabled => "This join link was disabled.",
            JoinLinkStatus.Expired => "This join link has expired.",
            _ => "This join link has been used as many times as it may be.",
        })
        {
            JoinLinkStatus = status.Name(),
        };
}
