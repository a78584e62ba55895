namespace Invitations.Infrastructure.Jobs;

/// <summary>What the running dispatch job reports as it goes: started, claiming, lingering for more, finished.</summary>
public abstract partial class DispatchSignal
{
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

    /// <summary>Waits up to <paramref name="linger"/> for more owed work; false if none came.</summary>
    public async Task<bool> WaitForMoreAsync(TimeSpan linger, CancellationToken cancellationToken)
    {
        Task more;
        lock (_lock)
        {
            more = _more.Task;
        }

        return await Task.WhenAny(more, Task.Delay(linger, cancellationToken)) == more;
    }

    /// <summary>The job ends; <paramref name="next"/> is when the next owed row can be claimed, if any is owed.</summary>
    public void Finished(DateTimeOffset? next)
    {
        lock (_lock)
        {
            _running--;
            _nextDue = next;
            _owed |= _signalledSinceClaim;
        }

        Wake();
    }
}
