using System.Text.Json.Serialization;
using Invitations.Domain.Webhooks;

namespace Invitations.Application.Webhooks;

/// <summary>An endpoint as the API shows it; the secret only when it was just made (create, rotate).</summary>
public sealed record WebhookResponse(
    Guid Id,
    string Url,
    string? Description,
    IReadOnlyList<string> Events,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset? DisabledAt,
    DateTimeOffset CreatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    public static WebhookResponse From(WebhookEndpoint endpoint) => new(
        endpoint.Id.Value,
        endpoint.Url,
        endpoint.Description,
        endpoint.Events,
        endpoint.Enabled,
        endpoint.DisabledReason,
        endpoint.DisabledAt,
        endpoint.CreatedAt);
}
