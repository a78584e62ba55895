using Invitations.Application.Common;
using Invitations.Application.Idempotency;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// A key claimed by this request: its effect runs in <paramref name="transaction"/>, which the key's record (the response,
/// its body encrypted) commits.
/// </summary>
internal sealed class RunningClaim(
    InvitationsDbContext db, ISecretProtector protector, IDbContextTransaction transaction, WorkspaceId workspaceId, string key,
    byte[] requestHash, DateTimeOffset claimedAt, TimeSpan retention) : IIdempotencyClaim
{
    // The lock is held, so the only row that can be in the way is an expired record of the key.
    private const string Remember = """
        INSERT INTO idempotency_keys (workspace_id, key, request_hash, status, location, content_type, body, created_at, expires_at)
        VALUES (@workspace_id, @key, @request_hash, @status, @location, @content_type, @body, @now, @expires_at)
        ON CONFLICT (workspace_id, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status,
            location = excluded.location, content_type = excluded.content_type, body = excluded.body,
            created_at = excluded.created_at, expires_at = excluded.expires_at;
        """;

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
            command.Parameters.AddWithValue("body", protector.Protect(response.Body, ISecretProtector.RememberedResponse));
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
