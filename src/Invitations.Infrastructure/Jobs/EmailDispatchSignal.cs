namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// The in-process wake-up call between a committed change that owes an email and this node's dispatcher: no I/O on the
/// request path. Signals coalesce: one dispatch job is queued while none is waiting to start.
/// </summary>
public sealed class EmailDispatchSignal
{
    /// <summary>A queued job that has not started here by then probably ran on another node: queue another.</summary>
    private static readonly TimeSpan QueuedJobPatience = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _lock = new();
    private DateTimeOffset? _nextDue;
    private DateTimeOffset? _queuedAt;

    public void Notify()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another signal got there first: one wake-up is enough.
        }
    }

    /// <summary>True when no dispatch job is waiting to start, and so one should be queued now.</summary>
    public bool TryQueue(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_queuedAt is { } queued && now - queued < QueuedJobPatience)
            {
                return false;
            }

            _queuedAt = now;
            _nextDue = null;
            return true;
        }
    }

    /// <summary>A dispatch job started: signals from now on need a job of their own.</summary>
    public void Started()
    {
        lock (_lock)
        {
            _queuedAt = null;
        }
    }

    /// <summary>A dispatch left an email backing off until <paramref name="next"/>: wake up then.</summary>
    public void DueAt(DateTimeOffset? next)
    {
        lock (_lock)
        {
            _nextDue = next;
        }

        if (next is not null)
        {
            Notify();
        }
    }

    /// <summary>Waits for a signal; or, when no job is waiting to start, until the next back-off ends.</summary>
    public async Task WaitAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? next;
        lock (_lock)
        {
            next = _queuedAt is null ? _nextDue : null;
        }

        var wait = next is { } due ? TimeSpan.FromTicks(Math.Max(0, (due - now).Ticks)) : Timeout.InfiniteTimeSpan;
        await _wake.WaitAsync(wait, cancellationToken);
    }
}
