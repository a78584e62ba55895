using Invitations.Application.Common;
using Invitations.Application.Webhooks.DispatchWebhooks;
using Invitations.Domain.Common;
using Invitations.Domain.Webhooks;
using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Invitations.Infrastructure.Webhooks;

/// <summary>
/// The webhook outbox in set-based statements, like the email outbox: one statement claims a batch with
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease from the database clock (no endpoint more than its share), one records all
/// outcomes and keeps each endpoint's run of failures.
/// </summary>
internal sealed class WebhookOutbox(InvitationsDbContext db, ISecretProtector protector) : IWebhookOutbox
{
    /// <summary>Longer than one endpoint's share can take (32 deliveries, 8 at a time, 10 s each: 40 s); a crashed dispatcher's claims lapse here.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private const string Claim = """
        WITH due AS (
            SELECT d.id, d.endpoint_id, d.next_attempt_at
            FROM webhook_deliveries AS d
            WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (d.locked_until IS NULL OR d.locked_until < now())
              AND d.endpoint_id <> ALL (@busy)
              AND (SELECT ep.enabled FROM webhook_endpoints AS ep WHERE ep.id = d.endpoint_id) -- a filter, not a join: the scan keeps its order
            ORDER BY d.next_attempt_at
            LIMIT @scan
            FOR UPDATE OF d SKIP LOCKED),
        shared AS (
            SELECT id, row_number() OVER (PARTITION BY endpoint_id ORDER BY next_attempt_at, id) AS n FROM due),
        claimed AS (
            UPDATE webhook_deliveries AS d
            SET locked_until = now() + @lease
            FROM (SELECT id FROM shared WHERE n <= @per_endpoint LIMIT @batch) AS c
            WHERE d.id = c.id
            RETURNING d.id, d.endpoint_id, d.event_id, d.attempt_count)
        SELECT c.id, c.endpoint_id, ep.url, e.id, e.body, c.attempt_count,
               CASE WHEN ep.previous_secret_expires_at > @now THEN ARRAY[ep.secret, ep.previous_secret] ELSE ARRAY[ep.secret] END
        FROM claimed AS c
        JOIN webhook_events AS e ON e.id = c.event_id
        JOIN webhook_endpoints AS ep ON ep.id = c.endpoint_id
        """;

    private const string Record = """
        WITH outcome AS (
            SELECT * FROM unnest(@ids, @endpoints, @statuses, @next, @at, @http, @errors, @durations, @responses)
                AS o(id, endpoint_id, status, next_attempt_at, at, http_status, error, duration_ms, response)),
        recorded AS (
            UPDATE webhook_deliveries AS d
            SET status = o.status, next_attempt_at = o.next_attempt_at, locked_until = NULL, attempt_count = d.attempt_count + 1,
                attempts = d.attempts || jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
                    'at', to_char(o.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'http_status', o.http_status, 'error', o.error, 'duration_ms', o.duration_ms))),
                last_response = o.response
            FROM outcome AS o
            WHERE d.id = o.id)
        UPDATE webhook_endpoints AS ep
        SET failing_since = CASE WHEN r.succeeded THEN NULL ELSE coalesce(ep.failing_since, r.first_failure) END,
            enabled = ep.enabled AND (r.succeeded OR coalesce(ep.failing_since, r.first_failure) > @now - @failing_limit),
            disabled_at = CASE WHEN r.succeeded OR coalesce(ep.failing_since, r.first_failure) > @now - @failing_limit
                THEN ep.disabled_at ELSE @now END,
            disabled_reason = CASE WHEN r.succeeded OR coalesce(ep.failing_since, r.first_failure) > @now - @failing_limit
                THEN ep.disabled_reason
                ELSE 'Every delivery failed from ' || to_char(coalesce(ep.failing_since, r.first_failure) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
                     || ' UTC for more than 3 days; enable it again when the endpoint works.' END
        FROM (SELECT endpoint_id, bool_or(status = 'succeeded') AS succeeded, min(at) AS first_failure
              FROM outcome GROUP BY endpoint_id) AS r
        WHERE ep.id = r.endpoint_id AND ep.enabled
          -- only when the run of failures starts, ends, or has gone on too long: a healthy endpoint's row is not rewritten
          AND (CASE WHEN r.succeeded THEN ep.failing_since IS NOT NULL
                    ELSE ep.failing_since IS NULL OR ep.failing_since <= @now - @failing_limit END)
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
        command.Parameters.AddWithValue("scan", batchSize * 4);
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
        await using var command = await db.CommandAsync(Record, cancellationToken);
        command.Parameters.AddWithValue("ids", outcomes.Select(o => o.DeliveryId).ToArray());
        command.Parameters.AddWithValue("endpoints", outcomes.Select(o => o.EndpointId.Value).ToArray());
        command.Parameters.AddWithValue("statuses", outcomes.Select(o => o.Status.LowerCaseName()).ToArray());
        command.Parameters.AddWithValue("next", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, outcomes.Select(o => o.NextAttemptAt).ToArray());
        command.Parameters.AddWithValue("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, outcomes.Select(o => o.Attempt.At).ToArray());
        command.Parameters.AddWithValue("http", NpgsqlDbType.Array | NpgsqlDbType.Integer, outcomes.Select(o => o.Attempt.HttpStatus).ToArray());
        command.Parameters.AddWithValue("errors", NpgsqlDbType.Array | NpgsqlDbType.Text, outcomes.Select(o => Trim(o.Attempt.Error, 500)).ToArray());
        command.Parameters.AddWithValue("durations", outcomes.Select(o => o.Attempt.DurationMs).ToArray());
        command.Parameters.AddWithValue("responses", NpgsqlDbType.Array | NpgsqlDbType.Text, outcomes.Select(o => Trim(o.ResponseExcerpt, 300)).ToArray());
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("failing_limit", WebhookEndpoint.FailingLimit);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        db.WebhookDeliveries
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && db.WebhookEndpoints.Any(e => e.Id == d.EndpointId && e.Enabled))
            .Select(d => (DateTimeOffset?)(d.LockedUntil > d.NextAttemptAt ? d.LockedUntil : d.NextAttemptAt))
            .MinAsync(cancellationToken);

    private static string? Trim(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;
}
