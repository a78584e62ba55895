using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide: it names the logger factory of the host that configured Hangfire last. Hangfire
/// asks it for loggers while running, not only at start (Hangfire.PostgreSql for every job it fetches), so when that host is
/// disposed while others run on in the same process, their workers must get a silent logger rather than an exception.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
