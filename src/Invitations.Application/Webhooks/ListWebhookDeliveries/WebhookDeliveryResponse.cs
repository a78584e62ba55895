using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Invitations.Domain.Common;
using Invitations.Domain.Webhooks;

namespace Invitations.Application.Webhooks.ListWebhookDeliveries;

public sealed record WebhookDeliveryResponse(
    Guid Id,
    string EventId,
    string EventType,
    string Status,
    IReadOnlyList<WebhookAttemptResponse> Attempts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? NextAttemptAt)
{
    public static WebhookDeliveryResponse From(WebhookDelivery delivery, string eventType) => new(
        delivery.Id,
        delivery.EventId,
        eventType,
        delivery.Status.LowerCaseName(),
        delivery.Attempts.Select(a => new WebhookAttemptResponse(a.At, a.HttpStatus, a.Error, a.DurationMs)).ToList(),
        delivery.Status == WebhookDeliveryStatus.Pending ? delivery.NextAttemptAt : null);
}

public sealed record WebhookAttemptResponse(
    DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Range(100, 599)] int? HttpStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    [property: Range(0, int.MaxValue)] int DurationMs);
