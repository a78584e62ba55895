using Hangfire;
using Hangfire.Logging;

namespace Invitations.Infrastructure.Jobs;

internal static class HangfireSetup
{
    /// <summary>Replaces Hangfire's default of ten retries over days with a schedule suited to a 7-day invitation.</summary>
    public static void ConfigureRetries(int[] delaysSeconds)
    {
        // Hangfire's log provider is process-wide and points at the logger factory of the host that set it last. When
        // hosts share a process (the integration tests) that host may be disposed, and building the filter below would
        // throw. Start from no provider, as a fresh process does; this host's own Hangfire configuration sets it again.
        LogProvider.SetCurrentLogProvider(null);
        foreach (var filter in GlobalJobFilters.Filters.Where(f => f.Instance is AutomaticRetryAttribute).ToList())
        {
            GlobalJobFilters.Filters.Remove(filter.Instance);
        }

        GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute
        {
            Attempts = delaysSeconds.Length,
            DelaysInSeconds = delaysSeconds,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
    }
}
