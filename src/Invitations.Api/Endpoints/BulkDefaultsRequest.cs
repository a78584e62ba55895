using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Invitations.Domain.Invitations;

namespace Invitations.Api.Endpoints;

/// <summary>What a row that does not say takes (JSON: <c>defaults</c>; CSV: query parameters of the same names).</summary>
public sealed record BulkDefaultsRequest(
    string? Role, string? Team, [property: Range(1, InvitationLifetime.MaxDays)] int? ExpiresInDays, bool? SendEmail,
    JsonElement? Metadata = null, [property: MaxLength(64)] string? Locale = null);
