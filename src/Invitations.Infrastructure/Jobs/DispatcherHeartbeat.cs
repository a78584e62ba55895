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

    /// <summary>
    /// The dispatcher of <paramref name="queue"/> is running (it is about to claim). Best effort: one worker of this process
    /// writes at a time (Hangfire writes hashes in a serializable transaction, so two writers at once fail one of them), and a
    /// write that fails anyway is tried again on the next beat; a heartbeat never fails the dispatch that beats.
    /// </summary>
    public void Beat(string queue)
    {
        var now = DateTimeOffset.UtcNow;
        var last = _written.GetOrAdd(queue, DateTimeOffset.MinValue);
        if (now - last < Pace || !_written.TryUpdate(queue, now, last))
        {
            return;
        }

        try
        {
            Record(queue, now);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _written.TryUpdate(queue, last, now);
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
