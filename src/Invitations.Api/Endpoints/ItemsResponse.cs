namespace Invitations.Api.Endpoints;

public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);
