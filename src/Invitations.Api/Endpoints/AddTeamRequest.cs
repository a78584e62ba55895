namespace Invitations.Api.Endpoints;

public sealed record AddTeamRequest(string? Title);
