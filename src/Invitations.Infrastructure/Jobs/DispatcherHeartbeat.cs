using System.Collections.Concurrent;
using System.Globalization;
using Hangfire;

namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// When each dispatcher (by its queue: emails, webhooks) last ran, on whichever node: kept in Hangfire's storage, which
/// every node shares. Wall-clock time, not the service's TimeProvider: it says whether a process is alive.
/// </summary>
public sealed class DispatcherHeartbeat(JobStorage storage)
{
    private const string Key = "invitations:dispatcher-runs";

    /// <summary>A running dispatcher writes at most this often.</summary>
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _written = new();

    /// <summary>The dispatcher of <paramref name="queue"/> is running (it is about to claim).</summary>
    public void Beat(string queue)
    {
        var now = DateTimeOffset.UtcNow;
        if (!_written.TryGetValue(queue, out var last) || now - last >= Pace)
        {
            Record(queue, now);
        }
    }

    internal void Record(string queue, DateTimeOffset at)
    {
        using var connection = storage.GetConnection();
        connection.SetRangeInHash(Key, [new(queue, at.ToString("O", CultureInfo.InvariantCulture))]);
        _written[queue] = at;
    }

    public IReadOnlyDictionary<string, DateTimeOffset> LastRuns()
    {
        using var connection = storage.GetConnection();
        return (connection.GetAllEntriesFromHash(Key) ?? []).ToDictionary(
            entry => entry.Key, entry => DateTimeOffset.Parse(entry.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }
}
