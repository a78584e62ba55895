namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// The in-process wake-up call between a committed change that owes something (an email, a webhook) and this node's
/// dispatcher of it: no I/O on the request path. Signals coalesce: while a dispatch job runs here it takes them itself (it
/// lingers for more), and otherwise one job is queued while none is waiting to start. A back-off that ends queues one too.
/// </summary>
public abstract partial class DispatchSignal
{
    /// <summary>A queued job that has not started here by then probably ran on another node: queue another.</summary>
    private static readonly TimeSpan QueuedJobPatience = TimeSpan.FromSeconds(5);

    /// <summary>A back-off ending queues at most one job this often, whatever the clocks say.</summary>
    private static readonly TimeSpan BackOffPace = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _lock = new();
    private TaskCompletionSource _more = NewMore();
    private DateTimeOffset? _nextDue;
    private DateTimeOffset? _queuedAt;
    private DateTimeOffset _lastQueuedAt = DateTimeOffset.MinValue;
    private int _running;
    private bool _owed = true; // at start: whatever a crashed process left
    private bool _signalledSinceClaim;

    /// <summary>Something is owed (a commit, a requeue, a retry): a dispatch should run.</summary>
    public void Notify()
    {
        lock (_lock)
        {
            _owed = true;
            _signalledSinceClaim = true;
            _more.TrySetResult();
        }

        Wake();
    }

    /// <summary>True when a dispatch job should be queued now; the caller then queues it.</summary>
    public bool TryQueue(DateTimeOffset now)
    {
        lock (_lock)
        {
            var backOffEnded = _nextDue is { } due && due <= now && now - _lastQueuedAt >= BackOffPace;
            if (_running > 0 || (_queuedAt is { } queued && now - queued < QueuedJobPatience) || !(_owed || backOffEnded))
            {
                return false;
            }

            (_queuedAt, _lastQueuedAt, _owed, _nextDue) = (now, now, false, null);
            return true;
        }
    }

    /// <summary>Queuing the job failed (the database is away): try again on the next wake-up.</summary>
    public void QueueFailed()
    {
        lock (_lock)
        {
            (_queuedAt, _owed) = (null, true);
        }
    }

    /// <summary>Waits for a signal; or, when no job is running or waiting to start, until the next back-off ends.</summary>
    public async Task WaitAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? next;
        lock (_lock)
        {
            next = _queuedAt is null && _running == 0 && _nextDue is { } due ? Max(due, _lastQueuedAt + BackOffPace) : null;
        }

        var wait = next is { } at ? TimeSpan.FromTicks(Math.Max(0, (at - now).Ticks)) : Timeout.InfiniteTimeSpan;
        await _wake.WaitAsync(wait, cancellationToken);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private void Wake()
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
            // Another wake-up got there first: one is enough.
        }
    }

    private static TaskCompletionSource NewMore() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
