using Invitations.Infrastructure.Configuration;
using Npgsql;

namespace Invitations.Infrastructure.Persistence;

internal static class ConnectionPools
{
    /// <summary>
    /// A pool of its own (Npgsql keys pools by connection string, so the application name keeps them apart) with this node's
    /// budget for it, whatever the connection string said.
    /// </summary>
    public static string Dedicated(string connectionString, string applicationName, int maxPoolSize, int timeoutSeconds)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw StartupSettings.Refuse("ConnectionStrings:Invitations", $"is not a valid PostgreSQL connection string: {e.Message}");
        }

        builder.ApplicationName = builder.ApplicationName is { Length: > 0 } name ? $"{name} ({applicationName})" : applicationName;
        builder.MaxPoolSize = maxPoolSize;

        // Nothing here changes session state, so a connection needs no DISCARD ALL on its way back to the pool: the
        // bench counted one per checkout, more than any other statement.
        builder.NoResetOnClose = true;

        // Statements the service runs over and over (the create's, the claims, EF's reads) are prepared on each connection
        // after a few uses: planned once, not on every execution.
        builder.MaxAutoPrepare = builder.MaxAutoPrepare > 0 ? builder.MaxAutoPrepare : 64;
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, maxPoolSize);
        builder.Timeout = timeoutSeconds;
        return builder.ConnectionString;
    }
}
