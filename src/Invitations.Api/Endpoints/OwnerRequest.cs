namespace Invitations.Api.Endpoints;

public sealed record OwnerRequest(string? Email, string? FirstName, string? LastName);
