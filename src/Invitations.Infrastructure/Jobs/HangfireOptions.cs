namespace Invitations.Infrastructure.Jobs;

/// <summary>The <c>Hangfire</c> section.</summary>
public sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    public bool ServerEnabled { get; set; } = true;

    public int WorkerCount { get; set; } = Math.Max(4, Environment.ProcessorCount * 4);

    /// <summary>Connections Hangfire's storage may hold: its workers poll, the dashboard reads, requests enqueue.</summary>
    public int MaxPoolSize { get; set; } = 10;
}
