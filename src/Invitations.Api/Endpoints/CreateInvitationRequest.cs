namespace Invitations.Api.Endpoints;

/// <summary>Nullable fields, as in every request: a missing field reaches validation and gets a sentence, not a binder error.</summary>
public sealed record CreateInvitationRequest(
    string? Email, string? Role, string? FirstName, string? LastName, string? Team, int? ExpiresInDays, bool? SendEmail);
