namespace Invitations.Api.Endpoints;

public sealed record AddMemberRequest(string? Email, string? FirstName, string? LastName, string? Role, string? Team);
