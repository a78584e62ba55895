using Invitations.Application.Common;
using Invitations.Application.Webhooks.DispatchWebhooks;
using Invitations.Domain.Common;
using Invitations.Domain.Webhooks;
using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Invitations.Infrastructure.Webhooks;

/// <summary>
/// The webhook outbox in set-based statements, like the email outbox: one statement claims a batch with
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease from the database clock (no endpoint more than its share), one records all
/// outcomes and keeps each endpoint's run of failures (<see cref="WebhookRecordStatement"/>).
/// </summary>
internal sealed class WebhookOutbox(InvitationsDbContext db, ISecretProtector protector, ILogger<WebhookOutbox> logger) : IWebhookOutbox
{
    /// <summary>Longer than one endpoint's share can take (32 deliveries, 8 at a time, 10 s each: 40 s); a crashed dispatcher's claims lapse here.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    // The due rows are read in due order without a lock, one batch of them (busy endpoints' rows are passed over, not counted,
    // so the others are found within it); only the ones taken (no endpoint more than its share) are locked, each by its primary
    // key, with SKIP LOCKED, and checked again on the row as it is then. Locking every row read made a claim lock 400 rows
    // (batch × 4) and read ~5,000 buffers to take one endpoint's 32 (EXPLAIN under the bench's load, build/bench/findings.md).
    // A row another dispatcher is taking is skipped; one it took and committed meanwhile fails the lease check on its new version.
    private const string Claim = """
        WITH due AS (
            SELECT d.id, d.endpoint_id, d.next_attempt_at
            FROM webhook_deliveries AS d
            WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (d.locked_until IS NULL OR d.locked_until < now())
              AND d.endpoint_id <> ALL (@busy)
              AND (SELECT ep.enabled FROM webhook_endpoints AS ep WHERE ep.id = d.endpoint_id) -- a filter, not a join: the scan keeps its order
            ORDER BY d.next_attempt_at
            LIMIT @batch),
        shared AS (
            SELECT id, row_number() OVER (PARTITION BY endpoint_id ORDER BY next_attempt_at, id) AS n FROM due),
        taken AS (
            SELECT d.id
            FROM unnest(ARRAY(SELECT id FROM shared WHERE n <= @per_endpoint)) AS t(id)
            CROSS JOIN LATERAL ( -- each by its primary key, not another walk of the due index
                SELECT d.id FROM webhook_deliveries AS d
                WHERE d.id = t.id AND d.status = 'pending' AND (d.locked_until IS NULL OR d.locked_until < now())
                FOR UPDATE SKIP LOCKED) AS d),
        claimed AS (
            UPDATE webhook_deliveries AS d
            SET locked_until = now() + @lease
            FROM taken AS t
            WHERE d.id = t.id
            RETURNING d.id, d.endpoint_id, d.event_id, d.attempt_count)
        SELECT c.id, c.endpoint_id, ep.url, e.id, e.body, c.attempt_count,
               CASE WHEN ep.previous_secret_expires_at > @now THEN ARRAY[ep.secret, ep.previous_secret] ELSE ARRAY[ep.secret] END
        FROM claimed AS c
        JOIN webhook_events AS e ON e.id = c.event_id
        JOIN webhook_endpoints AS ep ON ep.id = c.endpoint_id
        """;

    public async Task<IReadOnlyList<OwedWebhook>> ClaimAsync(
        int batchSize, int perEndpoint, IReadOnlyCollection<WebhookEndpointId> busy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One round trip: the claim in a transaction of its own that takes no bitmap scan. Finished deliveries leave dead
        // entries in the due index until autovacuum comes; a bitmap scan reads them all on every claim, a plain index scan
        // marks them dead as it passes, so the next claim skips them.
        await using var command = await db.CommandAsync(
            db.Database.CurrentTransaction is null ? $"BEGIN; SET LOCAL enable_bitmapscan = off; {Claim}; COMMIT;" : Claim, cancellationToken);
        command.Parameters.AddWithValue("busy", busy.Select(endpoint => endpoint.Value).ToArray());
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease", Lease);
        command.Parameters.AddWithValue("batch", batchSize);
        command.Parameters.AddWithValue("per_endpoint", perEndpoint);
        var claimed = new List<OwedWebhook>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new OwedWebhook(
                reader.GetGuid(0),
                new WebhookEndpointId(reader.GetGuid(1)),
                new Uri(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt32(5),
                [.. reader.GetFieldValue<string[]>(6).Select(secret => protector.UnprotectText(secret, ISecretProtector.WebhookSecret))]));
        }

        return claimed;
    }

    public async Task RecordAsync(IReadOnlyList<WebhookOutcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await WebhookRecordStatement.ExecuteAsync(db, outcomes, now, cancellationToken);
        }
        catch (Exception e) when (Refused(e))
        {
            // One outcome the database refuses must not leave the others unrecorded, to be sent again after the lease with no
            // attempt listed: alone, each can fail only itself.
            logger.LogWarning(e, "Recording {Count} webhook outcomes in one statement failed; recording each alone", outcomes.Count);
            foreach (var outcome in outcomes)
            {
                await RecordAloneAsync(outcome, now, cancellationToken);
            }
        }
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        db.WebhookDeliveries
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && db.WebhookEndpoints.Any(e => e.Id == d.EndpointId && e.Enabled))
            .Select(d => (DateTimeOffset?)(d.LockedUntil > d.NextAttemptAt ? d.LockedUntil : d.NextAttemptAt))
            .MinAsync(cancellationToken);

    private async Task RecordAloneAsync(WebhookOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await WebhookRecordStatement.ExecuteAsync(db, [outcome], now, cancellationToken);
        }
        catch (Exception e) when (Refused(e))
        {
            // Still listed as an attempt, with its status, time and duration; without the text the receiver's answer brought.
            logger.LogError(e, "The outcome of webhook delivery {DeliveryId} was refused by the database; recorded without its text", outcome.DeliveryId);
            var bare = outcome.Attempt with { Error = outcome.Attempt.Error is null ? null : "the error could not be recorded" };
            await WebhookRecordStatement.ExecuteAsync(db, [outcome with { Attempt = bare, ResponseExcerpt = null }], now, cancellationToken);
        }
    }

    /// <summary>A statement the database refused (or Npgsql could not send), as opposed to a database that can't be reached.</summary>
    private static bool Refused(Exception e) => e is not OperationCanceledException && !DatabaseOutage.Is(e);
}
