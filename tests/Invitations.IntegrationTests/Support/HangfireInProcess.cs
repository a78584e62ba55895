using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// Hangfire keeps its configuration in process-wide statics: the storage and job activator, which a host's job servers,
/// job client and dashboard take while it starts, and a log provider it asks for loggers all along. Test hosts in this
/// process therefore start one at a time, each taking its own storage and activator; and Hangfire then logs nowhere, since
/// the host it last named may be disposed while others run on.
/// </summary>
public static class HangfireInProcess
{
    private static readonly Lock Starting = new();

    public static T Start<T>(Func<T> start, Func<T, IServiceProvider> services)
    {
        lock (Starting)
        {
            var started = start();
            var provider = services(started);
            provider.GetRequiredService<JobStorage>();
            provider.GetRequiredService<JobActivator>();
            GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(NullLoggerFactory.Instance));
            return started;
        }
    }
}
