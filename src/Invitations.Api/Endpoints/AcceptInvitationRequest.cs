namespace Invitations.Api.Endpoints;

public sealed record AcceptInvitationRequest(string? Token, string? FirstName, string? LastName);
