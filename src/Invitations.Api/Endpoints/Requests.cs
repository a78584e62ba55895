namespace Invitations.Api.Endpoints;

// Every field is nullable so that a missing field reaches validation and gets a sentence, not a binder error.
public sealed record CreateInvitationRequest(
    string? Email, string? Role, string? FirstName, string? LastName, string? Team, int? ExpiresInDays, bool? SendEmail);

public sealed record TokenRequest(string? Token);

public sealed record AcceptInvitationRequest(string? Token, string? FirstName, string? LastName);

public sealed record CreateWorkspaceRequest(string? Name, OwnerRequest? Owner);

public sealed record OwnerRequest(string? Email, string? FirstName, string? LastName);

public sealed record AddMemberRequest(string? Email, string? FirstName, string? LastName, string? Role, string? Team);

public sealed record CreateApiKeyRequest(long? UserId);

public sealed record AddTeamRequest(string? Title);

public sealed record BrandingRequest(
    bool? WhiteLabel, string? SenderEmail, bool? SenderEmailVerified, string? CustomDomain, bool? CustomDomainVerified);

public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);
