using System.Collections.Concurrent;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Invitations.CreateInvitation;

/// <summary>
/// How many invitations a workspace created in the rolling window, as this node last counted them plus its own creates
/// since. The count reads up to <c>limit</c> index entries: for a workspace with a high limit that was most of a create's
/// database time. Far below the limit, a count under a second old plus this node's own creates is as good; in the last
/// tenth before the limit every create counts again. Other nodes' creates of that last second are what it can miss.
/// </summary>
public sealed class DailyLimitGauge
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);
    private const int Remembered = 10_000;
    private readonly ConcurrentDictionary<WorkspaceId, Entry> _counts = new();

    /// <summary>True when this create needs no count: the workspace is known to be well below its limit.</summary>
    public bool IsWellBelow(WorkspaceId workspaceId, int limit, DateTimeOffset now)
    {
        if (!_counts.TryGetValue(workspaceId, out var entry))
        {
            return false;
        }

        lock (entry)
        {
            return now - entry.CountedAt < Freshness && entry.Counted + entry.CreatedSince < limit - Math.Max(1, limit / 10);
        }
    }

    public void Counted(WorkspaceId workspaceId, int count, DateTimeOffset now)
    {
        if (_counts.Count > Remembered)
        {
            foreach (var stale in _counts.Where(pair => now - pair.Value.CountedAt > Freshness))
            {
                _counts.TryRemove(stale.Key, out _);
            }
        }

        var entry = _counts.GetOrAdd(workspaceId, _ => new Entry());
        lock (entry)
        {
            (entry.Counted, entry.CountedAt, entry.CreatedSince) = (count, now, 0);
        }
    }

    public void Created(WorkspaceId workspaceId, int count = 1)
    {
        if (_counts.TryGetValue(workspaceId, out var entry))
        {
            lock (entry)
            {
                entry.CreatedSince += count;
            }
        }
    }

    private sealed class Entry
    {
        public int Counted { get; set; }

        public DateTimeOffset CountedAt { get; set; }

        public int CreatedSince { get; set; }
    }
}
