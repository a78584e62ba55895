namespace Invitations.Api.Endpoints;

/// <summary>What a row that does not say takes (JSON: <c>defaults</c>; CSV: query parameters of the same names).</summary>
public sealed record BulkDefaultsRequest(string? Role, string? Team, int? ExpiresInDays, bool? SendEmail);
