namespace Invitations.Api.Endpoints;

public sealed record TokenRequest(string? Token);
