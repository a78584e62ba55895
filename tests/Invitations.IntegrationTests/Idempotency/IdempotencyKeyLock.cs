using Npgsql;

namespace Invitations.IntegrationTests.Idempotency;

public static class IdempotencyKeyLock
{
    /// <summary>
    /// Holds a workspace's idempotency key as a request still running would: its transaction-scoped lock, taken by an open
    /// transaction of the test's own. Disposing the connection ends that transaction.
    /// </summary>
    public static async Task<NpgsqlConnection> HoldAsync(string connectionString, Guid workspaceId, string key)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "BEGIN; SELECT pg_advisory_xact_lock(x'1de3'::int, hashtext(@workspace_id::text || ' ' || @key));", connection);
        command.Parameters.AddWithValue("workspace_id", workspaceId);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
