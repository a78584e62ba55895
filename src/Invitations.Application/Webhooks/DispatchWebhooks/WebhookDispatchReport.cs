namespace Invitations.Application.Webhooks.DispatchWebhooks;

/// <summary>What a dispatch did: shown as the Hangfire job's result.</summary>
public sealed record WebhookDispatchReport(int Succeeded, int Retrying, int Failed, DateTimeOffset? NextDueAt)
{
    public int Sent => Succeeded + Retrying + Failed;

    public WebhookDispatchReport Then(WebhookDispatchReport later) =>
        new(Succeeded + later.Succeeded, Retrying + later.Retrying, Failed + later.Failed, later.NextDueAt);

    public override string ToString() =>
        $"{Succeeded} delivered, {Retrying} failed and will be retried, {Failed} failed for good"
        + (NextDueAt is { } next ? $"; next due {next:u}" : "");
}
