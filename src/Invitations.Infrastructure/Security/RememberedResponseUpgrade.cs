using System.Buffers.Binary;
using Invitations.Application.Common;
using Invitations.Infrastructure.Persistence;

namespace Invitations.Infrastructure.Security;

/// <summary>
/// The remembered responses' part of <see cref="StoredSecretsUpgrade"/>: those under an earlier key are encrypted again under
/// the first, in batches; one from before encryption (written by a node of the previous version during an upgrade) is
/// deleted, as the migration that brought encryption deleted the rest: a remembered response lives a day, and its key then
/// simply runs its request again.
/// </summary>
internal sealed class RememberedResponseUpgrade(InvitationsDbContext db, AesGcmSecretProtector protector)
{
    private const int Batch = 500;

    // Keyset batches over the rows whose header (format version and key id) is not the first key's.
    private const string NotUnderCurrentKey = """
        SELECT workspace_id, key, body FROM idempotency_keys
        WHERE (workspace_id, key) > (@after_workspace, @after_key) AND substring(body FROM 1 FOR 5) <> @header
        ORDER BY workspace_id, key
        LIMIT @batch
        """;

    private const string Rewrite = "UPDATE idempotency_keys SET body = @body WHERE workspace_id = @workspace_id AND key = @key AND body = @was";

    private const string Delete = "DELETE FROM idempotency_keys WHERE workspace_id = @workspace_id AND key = @key AND body = @was";

    public async Task<(int Reencrypted, int Deleted)> RunAsync(List<uint> unreadable, CancellationToken cancellationToken)
    {
        var header = new byte[5];
        header[0] = AesGcmSecretProtector.Version;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), protector.CurrentKeyId);
        var (reencrypted, deleted) = (0, 0);
        var after = (Workspace: Guid.Empty, Key: "");
        while (true)
        {
            var rows = await NextBatchAsync(header, after, cancellationToken);
            foreach (var (workspace, key, body) in rows)
            {
                if (!AesGcmSecretProtector.IsProtected(body))
                {
                    deleted += await ExecuteAsync(Delete, workspace, key, body, null, cancellationToken);
                }
                else if (protector.Reprotect(body, ISecretProtector.RememberedResponse, unreadable) is { } again)
                {
                    reencrypted += await ExecuteAsync(Rewrite, workspace, key, body, again, cancellationToken);
                }
            }

            if (rows.Count < Batch)
            {
                return (reencrypted, deleted);
            }

            after = (rows[^1].Workspace, rows[^1].Key);
        }
    }

    private async Task<List<(Guid Workspace, string Key, byte[] Body)>> NextBatchAsync(
        byte[] header, (Guid Workspace, string Key) after, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(NotUnderCurrentKey, cancellationToken);
        command.Parameters.AddWithValue("after_workspace", after.Workspace);
        command.Parameters.AddWithValue("after_key", after.Key);
        command.Parameters.AddWithValue("header", header);
        command.Parameters.AddWithValue("batch", Batch);
        var rows = new List<(Guid, string, byte[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
        }

        return rows;
    }

    private async Task<int> ExecuteAsync(string sql, Guid workspace, string key, byte[] was, byte[]? body, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(sql, cancellationToken);
        command.Parameters.AddWithValue("workspace_id", workspace);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("was", was);
        if (body is not null)
        {
            command.Parameters.AddWithValue("body", body);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
