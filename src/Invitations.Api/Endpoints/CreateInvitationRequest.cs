using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Invitations.Domain.Invitations;

namespace Invitations.Api.Endpoints;

/// <summary>Nullable fields, as in every request: a missing field reaches validation and gets a sentence, not a binder error.</summary>
public sealed record CreateInvitationRequest(
    string? Email, string? Role, string? FirstName, string? LastName, string? Team,
    [property: Range(1, InvitationLifetime.MaxDays)] int? ExpiresInDays,
    bool? SendEmail,
    JsonElement? Metadata = null,
    [property: MaxLength(64)] string? Locale = null);
