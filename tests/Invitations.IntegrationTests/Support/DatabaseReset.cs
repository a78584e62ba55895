using Npgsql;
using Respawn;

namespace Invitations.IntegrationTests.Support;

/// <summary>Empties a host's application tables (Respawn) so that the next test starts on an empty database.</summary>
internal sealed class DatabaseReset(string connectionString)
{
    private const int Attempts = 5;
    private Respawner? _respawner;

    public async Task RunAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,

            // Hangfire's own tables stay: its servers and recurring jobs are registered once, at start, and a job still
            // running from the previous test finds its rows gone rather than its job.
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__ef_migrations_history"],
        });
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _respawner.ResetAsync(connection);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < Attempts)
            {
                // A dispatch job the previous test left running held rows the truncate wanted, and took locks in the other
                // order: PostgreSQL cancelled one side. Either way those rows are the previous test's.
            }
        }
    }
}
