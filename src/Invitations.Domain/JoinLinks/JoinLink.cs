using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.JoinLinks;

/// <summary>
/// One shareable link that lets anyone who has it ask to join a workspace (contract §13): they give an address and get an
/// ordinary invitation, with the link's role and team, made by the link's creator. Open while not disabled, not past
/// <see cref="ExpiresAt"/> and not used up; each invitation made through it is one use. Only <see cref="TokenHash"/> is kept.
/// </summary>
public sealed partial class JoinLink
{
    public const int MaxUsesLimit = 10_000;
    public const int MinDays = 1;
    public const int MaxDays = 90;
    public const int DefaultDays = 7;
    public const int MaxDescriptionLength = 500;

    private JoinLink()
    {
    }

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

    /// <summary>Nobody joins through it any more. Disabling a disabled link changes nothing.</summary>
    public void Disable(DateTimeOffset now) => DisabledAt ??= now;

    /// <summary>A new token; the old one stops working with this change. The id and the uses stay. Returns the plaintext.</summary>
    public string Rotate()
    {
        var token = SecretToken.New();
        TokenHash = token.Hash;
        return token.Plaintext;
    }
}
