using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// Degraded (still ready: requests are served, owed work waits in the outbox) while a dispatcher has not run for longer than
/// <see cref="Overdue"/>. A dispatcher is judged once some node serves its queue or it has ever run: a deployment whose
/// nodes all run without job servers has none to judge, and one whose worker nodes all died still shows it.
/// </summary>
internal sealed class DispatchersHealthCheck(JobStorage storage, DispatcherHeartbeat heartbeat) : IHealthCheck
{
    /// <summary>Its safety-net run twice over: one missed occurrence may be a busy worker; two, a dispatcher not running.</summary>
    public static readonly TimeSpan Overdue = RecurringJobsRegistration.DispatchPeriod * 2;

    private static readonly string[] Queues = [EmailDispatchJob.EmailQueue, WebhookDispatchJob.WebhookQueue];

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = DateTimeOffset.UtcNow;
            var servers = storage.GetMonitoringApi().Servers();
            var lastRuns = heartbeat.LastRuns();
            var late = new List<string>();
            foreach (var queue in Queues)
            {
                var serving = servers.Where(server => server.Queues.Contains(queue)).ToList();
                DateTimeOffset? since = lastRuns.TryGetValue(queue, out var ran) ? ran
                    : serving.Count > 0 ? new DateTimeOffset(DateTime.SpecifyKind(serving.Min(server => server.StartedAt), DateTimeKind.Utc))
                    : null; // never run, and no node runs it
                if (since is { } at && now - at > Overdue)
                {
                    late.Add($"the {queue} dispatcher has not run for {(now - at).TotalSeconds:0} s");
                }
            }

            return Task.FromResult(late.Count == 0
                ? HealthCheckResult.Healthy("Dispatchers running.")
                : HealthCheckResult.Degraded($"{string.Join("; ", late)} (its safety net runs every {RecurringJobsRegistration.DispatchPeriod.TotalSeconds:0} s)."));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Degraded("The job storage could not be read.", e));
        }
    }
}
