using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Invitations.Application.Invitations;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.JoinLinks;

/// <summary>A join link as the API shows it; its <see cref="Url"/> only when its token was just made (create, rotate).</summary>
public sealed record JoinLinkResponse(
    Guid Id,
    Guid WorkspaceId,
    string Role,
    string Team,
    [property: Range(1, JoinLink.MaxUsesLimit)] int? MaxUses,
    [property: Range(0, JoinLink.MaxUsesLimit)] int Uses,
    IReadOnlyList<string> AllowedDomains,
    string? Description,
    string Status,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? DisabledAt,
    DateTimeOffset CreatedAt,
    InvitedBy CreatedBy)
{
    /// <summary><c>&lt;link base&gt;/join#token=…</c>: the one time the token leaves the service.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    public static JoinLinkResponse From(JoinLink link, DateTimeOffset now) => new(
        link.Id.Value,
        link.WorkspaceId.Value,
        link.Role.Name(),
        link.TeamTitle,
        link.MaxUses,
        link.Uses,
        link.AllowedDomains.Select(d => d.ToString()).ToList(),
        link.Description,
        link.StatusAt(now).Name(),
        link.ExpiresAt,
        link.DisabledAt,
        link.CreatedAt,
        new InvitedBy(link.CreatedByUserId, link.CreatedByEmail));
}
