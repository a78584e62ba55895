namespace Invitations.Api.Endpoints;

public sealed record CreateApiKeyRequest(long? UserId);
