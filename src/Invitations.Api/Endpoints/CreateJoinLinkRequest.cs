using System.ComponentModel.DataAnnotations;
using Invitations.Domain.JoinLinks;

namespace Invitations.Api.Endpoints;

public sealed record CreateJoinLinkRequest(
    string? Role,
    string? Team,
    [property: Range(1, JoinLink.MaxUsesLimit)] int? MaxUses,
    [property: Range(JoinLink.MinDays, JoinLink.MaxDays)] int? ExpiresInDays,
    IReadOnlyList<string>? AllowedDomains,
    [property: MaxLength(JoinLink.MaxDescriptionLength)] string? Description);
