namespace Invitations.Api.Endpoints;

public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Description);
