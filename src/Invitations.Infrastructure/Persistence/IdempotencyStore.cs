using Invitations.Application.Common;
using Invitations.Application.Idempotency;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// Keys in <c>idempotency_keys</c>, claimed with a transaction-scoped advisory lock: a second request with the key while the
/// first runs fails to take it (in use) instead of waiting, and the lock goes with the commit that makes the key's record
/// visible, so whoever takes it next sees that record.
/// </summary>
internal sealed class IdempotencyStore(InvitationsDbContext db, TimeProvider clock, IOptions<InvitationOptions> options) : IIdempotencyStore
{
    /// <summary>The advisory lock space of idempotency keys (the two-integer form, apart from any single-bigint lock).</summary>
    private const int LockClass = 0x1de3;

    private const int PurgeBatch = 10_000;

    // Two statements in one round trip (Npgsql sends BEGIN with them): each takes its snapshot when it starts, so the read
    // sees whatever the lock's previous holder committed.
    private const string Claim = """
        SELECT pg_try_advisory_xact_lock(@lock_class, hashtext(@workspace_id::text || ' ' || @key));
        SELECT request_hash, status, location, content_type, body FROM idempotency_keys
        WHERE workspace_id = @workspace_id AND key = @key AND expires_at > @now;
        """;

    // The lock is held, so the only row that can be in the way is an expired record of the key.
    private const string Remember = """
        INSERT INTO idempotency_keys (workspace_id, key, request_hash, status, location, content_type, body, created_at, expires_at)
        VALUES (@workspace_id, @key, @request_hash, @status, @location, @content_type, @body, @now, @expires_at)
        ON CONFLICT (workspace_id, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status,
            location = excluded.location, content_type = excluded.content_type, body = excluded.body,
            created_at = excluded.created_at, expires_at = excluded.expires_at;
        """;

    private const string Purge = """
        DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY(
            SELECT ctid FROM idempotency_keys WHERE expires_at <= @now LIMIT @batch));
        """;

    public async Task<IIdempotencyClaim> ClaimAsync(
        WorkspaceId workspaceId, string key, byte[] requestHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var (locked, earlier) = await ReadClaimAsync(workspaceId, key, now, cancellationToken);
            if (locked && earlier is null)
            {
                return new Running(db, transaction, workspaceId, key, requestHash, now, options.Value.IdempotencyKeyRetention);
            }

            await transaction.DisposeAsync();
            return !locked ? new Answered(IdempotencyState.InUse, null)
                : earlier!.Value.Hash.AsSpan().SequenceEqual(requestHash) ? new Answered(IdempotencyState.Replay, earlier.Value.Response)
                : new Answered(IdempotencyState.Mismatch, null);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var purged = 0;
        int deleted;
        do
        {
            await using var command = await db.CommandAsync(Purge, cancellationToken);
            command.Parameters.AddWithValue("now", clock.GetUtcNow());
            command.Parameters.AddWithValue("batch", PurgeBatch);
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            purged += deleted;
        }
        while (deleted == PurgeBatch);

        return purged;
    }

    private async Task<(bool Locked, (byte[] Hash, RememberedResponse Response)? Earlier)> ReadClaimAsync(
        WorkspaceId workspaceId, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(Claim, cancellationToken);
        command.Parameters.AddWithValue("lock_class", LockClass);
        command.Parameters.AddWithValue("workspace_id", workspaceId.Value);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var locked = reader.GetBoolean(0);
        await reader.NextResultAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (locked, null);
        }

        var response = new RememberedResponse(
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetFieldValue<byte[]>(4));
        return (locked, (reader.GetFieldValue<byte[]>(0), response));
    }

    /// <summary>A claim that holds nothing: the key is in use, or was used before.</summary>
    private sealed record Answered(IdempotencyState State, RememberedResponse? Remembered) : IIdempotencyClaim
    {
        public Task RememberAsync(RememberedResponse response, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"A claim in state {State} runs nothing to remember.");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>The key is this request's: its effect runs in <paramref name="transaction"/>, which the key's record commits.</summary>
    private sealed class Running(
        InvitationsDbContext db, IDbContextTransaction transaction, WorkspaceId workspaceId, string key, byte[] requestHash,
        DateTimeOffset claimedAt, TimeSpan retention) : IIdempotencyClaim
    {
        private bool _committed;

        public IdempotencyState State => IdempotencyState.Fresh;

        public RememberedResponse? Remembered => null;

        public async Task RememberAsync(RememberedResponse response, CancellationToken cancellationToken)
        {
            await using (var command = await db.CommandAsync(Remember, cancellationToken))
            {
                command.Parameters.AddWithValue("workspace_id", workspaceId.Value);
                command.Parameters.AddWithValue("key", key);
                command.Parameters.AddWithValue("request_hash", requestHash);
                command.Parameters.AddWithValue("status", response.Status);
                command.Parameters.Add(new NpgsqlParameter("location", NpgsqlDbType.Text) { Value = (object?)response.Location ?? DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter("content_type", NpgsqlDbType.Text) { Value = (object?)response.ContentType ?? DBNull.Value });
                command.Parameters.AddWithValue("body", response.Body);
                command.Parameters.AddWithValue("now", claimedAt);
                command.Parameters.AddWithValue("expires_at", claimedAt + retention);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_committed)
            {
                // Explicitly: a rollback tells the unit of work that what the request's saves owed is void.
                await transaction.RollbackAsync(CancellationToken.None);
            }

            await transaction.DisposeAsync();
        }
    }
}
