using Npgsql;
using Testcontainers.PostgreSql;

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// A PostgreSQL server for the whole run: the one named by INVITATIONS_TEST_POSTGRES (build/test.sh starts a private
/// cluster and sets it), or a Testcontainers container when a developer has Docker. Each caller gets a fresh database.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<string>> Server = new(StartServerAsync);

    public static async Task<string> CreateAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(await Server.Value);
        var name = $"invitations_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        server.Database = name;
        server.MaxPoolSize = 60;

        // Every test class has its own database and so its own pools, which outlive the class's host: with the
        // default idle lifetime (5 minutes) a full run would hold every finished class's connections open and
        // exhaust the server's max_connections.
        server.ConnectionIdleLifetime = 5;
        server.ConnectionPruningInterval = 1;
        return server.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString);
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(await Server.Value);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartServerAsync()
    {
        if (Environment.GetEnvironmentVariable("INVITATIONS_TEST_POSTGRES") is { Length: > 0 } external)
        {
            return external;
        }

        var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
        await container.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return container.GetConnectionString();
    }
}
