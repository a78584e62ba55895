using System.Data;
using Invitations.Application.Common;
using Invitations.Application.Invitations.DispatchInvitationEmails;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Invitations.Infrastructure.Email;

/// <summary>
/// The outbox in set-based statements, as the fastest PostgreSQL queues do it (River, graphile-worker): one statement
/// claims a batch with <c>FOR UPDATE SKIP LOCKED</c> and a lease from the database clock, one records all outcomes.
/// </summary>
internal sealed class EmailOutbox(InvitationsDbContext db) : IEmailOutbox
{
    /// <summary>A dispatcher that dies mid-batch loses its claims after this; the recurring dispatch then takes them.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private const string Claim = """
        WITH due AS (
            SELECT invitation_id, number
            FROM invitation_deliveries
            WHERE status = 'pending' AND next_attempt_at <= @now AND (locked_until IS NULL OR locked_until < now())
            ORDER BY next_attempt_at
            LIMIT cardinality(@hashes)
            FOR UPDATE SKIP LOCKED),
        numbered AS (SELECT invitation_id, number, row_number() OVER () AS n FROM due),
        claimed AS (
            UPDATE invitation_deliveries AS d
            SET locked_until = now() + @lease, token_hash = h.hash
            FROM numbered JOIN unnest(@hashes) WITH ORDINALITY AS h(hash, n) ON h.n = numbered.n
            WHERE d.invitation_id = numbered.invitation_id AND d.number = numbered.number
            RETURNING d.invitation_id, d.number, d.attempts, d.created_at, d.token_hash, d.trace_parent)
        SELECT c.invitation_id, c.number, c.attempts, c.created_at, c.token_hash,
               i.email, i.role, i.team_title, i.invited_by_email, i.expires_at,
               w.id, w.name, w.branding_white_label, w.branding_sender_email, w.branding_sender_email_verified,
               w.branding_custom_domain, w.branding_custom_domain_verified, c.trace_parent
        FROM claimed AS c
        JOIN invitations AS i ON i.id = c.invitation_id
        JOIN workspaces AS w ON w.id = i.workspace_id
        """;

    // EvalPlanQual re-checks the conditions after waiting on a concurrent revoke, accept or resend of the same row.
    private const string LockSendable = """
        SELECT i.id, i.delivery_version
        FROM invitations AS i
        JOIN unnest(@ids, @numbers) AS c(id, number) ON i.id = c.id AND i.delivery_version = c.number
        WHERE i.status = 'pending' AND i.expires_at > @now
        FOR SHARE OF i
        """;

    private const string Record = """
        UPDATE invitation_deliveries AS d
        SET status = o.status, attempts = o.attempts, next_attempt_at = o.next_attempt_at, locked_until = NULL,
            sent_at = o.sent_at, last_error = CASE WHEN o.status = 'sent' THEN NULL ELSE coalesce(o.error, d.last_error) END
        FROM unnest(@ids, @numbers, @statuses, @attempts, @next, @sent, @errors)
            AS o(id, number, status, attempts, next_attempt_at, sent_at, error)
        WHERE d.invitation_id = o.id AND d.number = o.number
        """;

    public async Task<IReadOnlyList<OwedEmail>> ClaimAsync(
        IReadOnlyList<string> tokenHashes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(Claim, cancellationToken);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease", Lease);
        command.Parameters.AddWithValue("hashes", tokenHashes.ToArray());
        var claimed = new List<OwedEmail>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new OwedEmail(
                new InvitationId(reader.GetGuid(0)),
                reader.GetInt32(1),
                reader.GetInt32(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetString(4),
                reader.GetString(5),
                Roles.Parse(reader.GetString(6)),
                reader.GetString(7),
                reader.GetString(8),
                reader.GetFieldValue<DateTimeOffset>(9),
                new WorkspaceCard(
                    new WorkspaceId(reader.GetGuid(10)),
                    reader.GetString(11),
                    new Branding(
                        reader.GetBoolean(12),
                        reader.IsDBNull(13) ? null : reader.GetString(13),
                        reader.GetBoolean(14),
                        reader.IsDBNull(15) ? null : reader.GetString(15),
                        reader.GetBoolean(16))),
                reader.IsDBNull(17) ? null : reader.GetString(17)));
        }

        return claimed;
    }

    public async Task<IOutboxBatch> BeginSendingAsync(IReadOnlyList<OwedEmail> claimed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await using var command = await db.CommandAsync(LockSendable, cancellationToken);
            command.Parameters.AddWithValue("ids", claimed.Select(c => c.InvitationId.Value).ToArray());
            command.Parameters.AddWithValue("numbers", claimed.Select(c => c.Number).ToArray());
            command.Parameters.AddWithValue("now", now);
            var sendable = new HashSet<(Guid, int)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    sendable.Add((reader.GetGuid(0), reader.GetInt32(1)));
                }
            }

            return new Batch(db, transaction, sendable);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>When the next owed email can be claimed: its back-off over, and no other dispatcher's lease on it.</summary>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        db.InvitationDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending)
            .Select(d => (DateTimeOffset?)(d.LockedUntil > d.NextAttemptAt ? d.LockedUntil : d.NextAttemptAt))
            .MinAsync(cancellationToken);

    private sealed class Batch(InvitationsDbContext db, IDbContextTransaction transaction, IReadOnlySet<(Guid, int)> sendable) : IOutboxBatch
    {
        public IReadOnlySet<(Guid InvitationId, int Number)> Sendable { get; } = sendable;

        public async Task CompleteAsync(IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken cancellationToken)
        {
            await using (var command = await db.CommandAsync(Record, cancellationToken))
            {
                command.Parameters.AddWithValue("ids", outcomes.Select(o => o.InvitationId.Value).ToArray());
                command.Parameters.AddWithValue("numbers", outcomes.Select(o => o.Number).ToArray());
                command.Parameters.AddWithValue("statuses", outcomes.Select(o => o.Status.LowerCaseName()).ToArray());
                command.Parameters.AddWithValue("attempts", outcomes.Select(o => o.Attempts).ToArray());
                command.Parameters.AddWithValue("next", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, outcomes.Select(o => o.NextAttemptAt).ToArray());
                command.Parameters.AddWithValue("sent", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, outcomes.Select(o => o.SentAt).ToArray());
                command.Parameters.AddWithValue("errors", NpgsqlDbType.Array | NpgsqlDbType.Text, outcomes.Select(o => Trim(o.Error)).ToArray());
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync();

        private static string? Trim(string? error) => error is { Length: > 1000 } ? error[..1000] : error;
    }
}
