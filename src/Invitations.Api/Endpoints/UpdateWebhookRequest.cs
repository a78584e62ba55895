namespace Invitations.Api.Endpoints;

/// <summary>A field left out (or null) stays as it is.</summary>
public sealed record UpdateWebhookRequest(string? Url, IReadOnlyList<string>? Events, bool? Enabled);
