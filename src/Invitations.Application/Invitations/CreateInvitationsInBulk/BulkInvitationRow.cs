using System.Text.Json;

namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <param name="Line">The row's physical line in a CSV file (the header is line 1); null for JSON.</param>
/// <param name="Unreadable">Why the row could not be read as given (a CSV row with more fields than the header), if so.</param>
public sealed record BulkInvitationRow(
    string? Email,
    string? Role = null,
    string? FirstName = null,
    string? LastName = null,
    string? Team = null,
    int? ExpiresInDays = null,
    bool? SendEmail = null,
    int? Line = null,
    string? Unreadable = null,
    JsonElement? Metadata = null,
    string? Locale = null);
