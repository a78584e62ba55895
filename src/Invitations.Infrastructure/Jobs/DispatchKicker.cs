using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// Turns this node's signals (and its back-off timers) into dispatch jobs, one waiting at a time: a running dispatch drains
/// everything due. It also queues one at start, for rows a crashed process left.
/// </summary>
internal sealed class DispatchKicker(
    DispatchSignal signal, Action<IBackgroundJobClient> enqueue, IBackgroundJobClient jobs, TimeProvider clock, ILogger<DispatchKicker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (signal.TryQueue(clock.GetUtcNow()))
                {
                    enqueue(jobs);
                }

                await signal.WaitAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment; the recurring dispatch covers whatever this misses.
                logger.LogWarning(e, "Could not queue a {Signal} dispatch; trying again shortly", signal.GetType().Name);
                signal.QueueFailed();
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
