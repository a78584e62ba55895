using Invitations.Application.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces;

public sealed record WorkspaceResponse(Guid Id, string Name, IReadOnlyList<string> Teams, BrandingResponse Branding, DateTimeOffset CreatedAt)
{
    public static WorkspaceResponse From(Workspace w) =>
        new(w.Id.Value, w.Name, w.Teams.Select(t => t.Title).ToList(), BrandingResponse.From(w.Branding), w.CreatedAt);
}

public sealed record BrandingResponse(
    bool WhiteLabel, string? SenderEmail, bool SenderEmailVerified, string? CustomDomain, bool CustomDomainVerified, string? DefaultLocale)
{
    public static BrandingResponse From(Branding b) =>
        new(b.WhiteLabel, b.SenderEmail, b.SenderEmailVerified, b.CustomDomain, b.CustomDomainVerified, b.DefaultLocale);
}

public sealed record ApiKeyResponse(Guid Id, Guid WorkspaceId, [property: UserIdRange] long UserId, string ApiKey, DateTimeOffset CreatedAt);
