using System.Text.Json.Serialization;

namespace Invitations.Api.Compatibility;

/// <summary>As the vendor's page: fields it does not know are ignored, not refused.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record WorkspaceInviteRequest(string? Email, string? Role);
