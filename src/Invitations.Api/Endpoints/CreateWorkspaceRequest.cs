namespace Invitations.Api.Endpoints;

public sealed record CreateWorkspaceRequest(string? Name, OwnerRequest? Owner);
