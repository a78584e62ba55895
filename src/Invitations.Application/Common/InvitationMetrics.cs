using System.Diagnostics.Metrics;

namespace Invitations.Application.Common;

/// <summary>
/// The service's own instruments, on the <c>Invitations</c> meter. Adding to an instrument nobody listens to costs next to
/// nothing, so the create path counts without a care.
/// </summary>
public sealed class InvitationMetrics
{
    public const string MeterName = Telemetry.Name;

    private static readonly KeyValuePair<string, object?> Final = new("final", true);
    private static readonly KeyValuePair<string, object?> Retrying = new("final", false);

    private readonly Counter<long> _created;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _expired;
    private readonly Counter<long> _emailsSent;
    private readonly Counter<long> _emailsFailed;
    private readonly Histogram<double> _emailDelay;
    private readonly Counter<long> _webhooksDelivered;
    private readonly Counter<long> _webhooksFailed;

    public InvitationMetrics(Meter meter)
    {
        _created = meter.CreateCounter<long>("invitations.created", "{invitation}", "Invitations created.");
        _accepted = meter.CreateCounter<long>("invitations.accepted", "{invitation}", "Invitations accepted.");
        _expired = meter.CreateCounter<long>("invitations.expired", "{invitation}", "Invitations the expiry sweep expired.");
        _emailsSent = meter.CreateCounter<long>("invitations.emails.sent", "{email}", "Invitation emails the SMTP server accepted.");
        _emailsFailed = meter.CreateCounter<long>(
            "invitations.emails.failed", "{email}", "Failed email attempts; final=true when the email has failed for good.");
        _emailDelay = meter.CreateHistogram(
            "invitations.email.delay", "s", "Seconds from the change that owed an email (a create or resend) to the SMTP server accepting it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800, 7200] });
        _webhooksDelivered = meter.CreateCounter<long>("invitations.webhooks.delivered", "{delivery}", "Webhook deliveries an endpoint took (2xx).");
        _webhooksFailed = meter.CreateCounter<long>(
            "invitations.webhooks.failed", "{delivery}", "Failed webhook attempts; final=true when the delivery has failed for good.");
    }

    public void Created(int count = 1) => _created.Add(count);

    public void Accepted() => _accepted.Add(1);

    public void Expired(int count) => _expired.Add(count);

    public void EmailSent(TimeSpan sinceOwed)
    {
        _emailsSent.Add(1);
        _emailDelay.Record(sinceOwed.TotalSeconds);
    }

    public void EmailFailed(bool final) => _emailsFailed.Add(1, final ? Final : Retrying);

    public void WebhookDelivered() => _webhooksDelivered.Add(1);

    public void WebhookFailed(bool final) => _webhooksFailed.Add(1, final ? Final : Retrying);
}
