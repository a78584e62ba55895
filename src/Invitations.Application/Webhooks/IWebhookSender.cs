namespace Invitations.Application.Webhooks;

/// <summary>Posts one signed webhook to its endpoint: one attempt, no redirects followed, bounded in time and size.</summary>
public interface IWebhookSender
{
    Task<WebhookAttempt> SendAsync(WebhookMessage message, CancellationToken cancellationToken);
}

/// <param name="Secrets">The endpoint's signing secrets (<c>whsec_…</c>), newest first; each signs (space-separated signatures).</param>
public sealed record WebhookMessage(Uri Url, string EventId, DateTimeOffset Timestamp, string Body, IReadOnlyList<string> Secrets);

/// <summary>What one attempt got: the HTTP status if a response came, otherwise the error; and how long it took.</summary>
public sealed record WebhookAttempt(int? HttpStatus, string? Error, int DurationMs, string? ResponseExcerpt)
{
    public bool Succeeded => Error is null && HttpStatus is >= 200 and < 300;
}
