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

    /// <summary>
    /// A fresh database owned by a new login role that may hold at most <paramref name="connectionLimit"/> connections, and a
    /// connection string as that role with Npgsql's defaults (no pool settings of the fixture's own).
    /// </summary>
    public static async Task<string> CreateForRoleAsync(string role, int connectionLimit)
    {
        var database = new NpgsqlConnectionStringBuilder(await CreateAsync());
        await using (var connection = new NpgsqlConnection(await Server.Value))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand(
                $"""
                CREATE ROLE "{role}" LOGIN PASSWORD '{role}' CONNECTION LIMIT {connectionLimit};
                ALTER DATABASE "{database.Database}" OWNER TO "{role}";
                """,
                connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(await Server.Value)
        {
            Database = database.Database,
            Username = role,
            Password = role,
        }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateForRoleAsync"/>, then its role.</summary>
    public static async Task DropWithRoleAsync(string connectionString)
    {
        await DropAsync(connectionString);
        await using var connection = new NpgsqlConnection(await Server.Value);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Username}\"", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A connection to the server as its administrator, outside any service's pool and budget.</summary>
    public static async Task<NpgsqlConnection> AdminConnectionAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(await Server.Value) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
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
