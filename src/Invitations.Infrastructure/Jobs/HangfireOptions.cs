namespace Invitations.Infrastructure.Jobs;

/// <summary>The <c>Hangfire</c> section.</summary>
public sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    public bool ServerEnabled { get; set; } = true;

    /// <summary>Workers for the maintenance jobs (expiry sweep, requeued emails) on the default queue.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>Email dispatchers on this node, each draining the outbox over its own SMTP connection.</summary>
    public int EmailWorkerCount { get; set; } = 2;

    /// <summary>Webhook dispatchers on this node, each posting its claimed batch with a bounded number of requests per endpoint.</summary>
    public int WebhookWorkerCount { get; set; } = 2;

    /// <summary>Connections Hangfire's storage may hold: its workers poll, the dashboard reads, requests enqueue.</summary>
    public int MaxPoolSize { get; set; } = 10;
}
