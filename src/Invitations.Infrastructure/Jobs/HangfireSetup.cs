using Hangfire;

namespace Invitations.Infrastructure.Jobs;

internal static class HangfireSetup
{
    /// <summary>Replaces Hangfire's default of ten retries over days with a schedule suited to a 7-day invitation.</summary>
    public static void ConfigureRetries(int[] delaysSeconds)
    {
        // The filter list is process-wide and running workers read it: change it only when the schedule differs.
        if (GlobalJobFilters.Filters.Any(f => f.Instance is AutomaticRetryAttribute retry
                                              && retry.DelaysInSeconds?.SequenceEqual(delaysSeconds) == true))
        {
            return;
        }

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
