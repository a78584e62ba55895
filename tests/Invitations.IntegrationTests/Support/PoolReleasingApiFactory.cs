using Npgsql;

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// An <see cref="ApiFactory"/> whose idle database connections close within seconds. Every test class has its own
/// database, hence its own connection pools, and those outlive the class's host: with the default idle lifetime
/// (5 minutes) a full run kept every finished class's connections open and exhausted the server's max_connections.
/// </summary>
public class PoolReleasingApiFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["ConnectionStrings:Invitations"] = new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            ConnectionIdleLifetime = 5,
            ConnectionPruningInterval = 1,
        }.ConnectionString;
        return settings;
    }
}
