namespace Invitations.Domain.Webhooks;

/// <summary>One try: when, what the endpoint answered (or why nothing came back), and how long it took.</summary>
public sealed record WebhookDeliveryAttempt(DateTimeOffset At, int? HttpStatus, string? Error, int DurationMs);
