using Invitations.Application.Common;
using Invitations.Application.Idempotency;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// Keys in <c>idempotency_keys</c>, claimed with a transaction-scoped advisory lock: a second request with the key while the
/// first runs fails to take it (in use) instead of waiting, and the lock goes with the commit that makes the key's record
/// visible, so whoever takes it next sees that record. The remembered bodies are encrypted (<see cref="ISecretProtector"/>): they
/// may carry an accept link or a signing secret, and always personal data.
/// </summary>
internal sealed class IdempotencyStore(
    InvitationsDbContext db, TimeProvider clock, IOptions<InvitationOptions> options, ISecretProtector protector) : IIdempotencyStore
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
                return new RunningClaim(db, protector, transaction, workspaceId, key, requestHash, now, options.Value.IdempotencyKeyRetention);
            }

            await transaction.DisposeAsync();
            return !locked ? new AnsweredClaim(IdempotencyState.InUse, null)
                : earlier!.Value.Hash.AsSpan().SequenceEqual(requestHash) ? new AnsweredClaim(IdempotencyState.Replay, earlier.Value.Response)
                : new AnsweredClaim(IdempotencyState.Mismatch, null);
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
            protector.Unprotect(reader.GetFieldValue<byte[]>(4), ISecretProtector.RememberedResponse));
        return (locked, (reader.GetFieldValue<byte[]>(0), response));
    }
}
