using System.Text.Json;

namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <summary>What a row that does not say takes; a row's own value wins (its metadata whole, never merged).</summary>
public sealed record BulkInvitationDefaults(
    string? Role = null, string? Team = null, int? ExpiresInDays = null, bool? SendEmail = null, JsonElement? Metadata = null, string? Locale = null);
