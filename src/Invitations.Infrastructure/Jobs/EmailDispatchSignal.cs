namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// The in-process wake-up call between a committed change that owes an email and this node's dispatcher: no I/O on the
/// request path. Signals coalesce: while a dispatch job runs here it takes them itself (it lingers for more), and
/// otherwise one job is queued while none is waiting to start.
/// </summary>
public sealed class EmailDispatchSignal
{
    /// <summary>A queued job that has not started here by then probably ran on another node: queue another.</summary>
    private static readonly TimeSpan QueuedJobPatience = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _lock = new();
    private TaskCompletionSource _more = NewMore();
    private DateTimeOffset? _nextDue;
    private DateTimeOffset? _queuedAt;
    private int _running;
    private bool _signalledSinceClaim;

    public void Notify()
    {
        lock (_lock)
        {
            _signalledSinceClaim = true;
            _more.TrySetResult();
        }

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

    /// <summary>True when a dispatch job should be queued now: none runs here and none is waiting to start.</summary>
    public bool TryQueue(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_running > 0 || (_queuedAt is { } queued && now - queued < QueuedJobPatience))
            {
                return false;
            }

            _queuedAt = now;
            _nextDue = null;
            return true;
        }
    }

    /// <summary>Queuing the job failed (the database is away): the next signal tries again.</summary>
    public void QueueFailed()
    {
        lock (_lock)
        {
            _queuedAt = null;
        }
    }

    public void Started()
    {
        lock (_lock)
        {
            _queuedAt = null;
            _running++;
        }
    }

    /// <summary>The running job is about to claim: what was committed before this is its to send.</summary>
    public void Claiming()
    {
        lock (_lock)
        {
            _signalledSinceClaim = false;
            if (_more.Task.IsCompleted)
            {
                _more = NewMore();
            }
        }
    }

    /// <summary>Waits up to <paramref name="linger"/> for more owed emails; false if none came.</summary>
    public async Task<bool> WaitForMoreAsync(TimeSpan linger, CancellationToken cancellationToken)
    {
        Task more;
        lock (_lock)
        {
            more = _more.Task;
        }

        return await Task.WhenAny(more, Task.Delay(linger, cancellationToken)) == more;
    }

    /// <summary>The job ends; <paramref name="next"/> is when the next back-off ends, if any.</summary>
    public void Finished(DateTimeOffset? next)
    {
        bool missed;
        lock (_lock)
        {
            _running--;
            _nextDue = next;
            missed = _signalledSinceClaim;
        }

        if (missed || next is not null)
        {
            Notify();
        }
    }

    /// <summary>Waits for a signal; or, when no job is running or waiting to start, until the next back-off ends.</summary>
    public async Task WaitAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? next;
        lock (_lock)
        {
            next = _queuedAt is null && _running == 0 ? _nextDue : null;
        }

        var wait = next is { } due ? TimeSpan.FromTicks(Math.Max(0, (due - now).Ticks)) : Timeout.InfiniteTimeSpan;
        await _wake.WaitAsync(wait, cancellationToken);
    }

    private static TaskCompletionSource NewMore() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
