using Invitations.Application.Webhooks.DispatchWebhooks;
using Invitations.Domain.Common;
using Invitations.Domain.Webhooks;
using Invitations.Infrastructure.Persistence;
using NpgsqlTypes;

namespace Invitations.Infrastructure.Webhooks;

/// <summary>
/// Records a set of webhook outcomes in one statement: each attempt appended, the lease released; and each endpoint's run of
/// failures kept, so one that has failed without a success for <see cref="WebhookEndpoint.FailingLimit"/> is disabled. Text
/// from receivers is cleaned on its way in (<see cref="StoredText"/>): one answer must not make the statement fail.
/// </summary>
internal static class WebhookRecordStatement
{
    private const string Sql = """
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

    public static async Task ExecuteAsync(InvitationsDbContext db, IReadOnlyList<WebhookOutcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(Sql, cancellationToken);
        command.Parameters.AddWithValue("ids", outcomes.Select(o => o.DeliveryId).ToArray());
        command.Parameters.AddWithValue("endpoints", outcomes.Select(o => o.EndpointId.Value).ToArray());
        command.Parameters.AddWithValue("statuses", outcomes.Select(o => o.Status.LowerCaseName()).ToArray());
        command.Parameters.AddWithValue("next", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, outcomes.Select(o => o.NextAttemptAt).ToArray());
        command.Parameters.AddWithValue("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, outcomes.Select(o => o.Attempt.At).ToArray());
        command.Parameters.AddWithValue("http", NpgsqlDbType.Array | NpgsqlDbType.Integer, outcomes.Select(o => o.Attempt.HttpStatus).ToArray());
        command.Parameters.AddWithValue("errors", NpgsqlDbType.Array | NpgsqlDbType.Text, outcomes.Select(o => StoredText.Clean(o.Attempt.Error, 500)).ToArray());
        command.Parameters.AddWithValue("durations", outcomes.Select(o => o.Attempt.DurationMs).ToArray());
        command.Parameters.AddWithValue("responses", NpgsqlDbType.Array | NpgsqlDbType.Text, outcomes.Select(o => StoredText.Clean(o.ResponseExcerpt, 300)).ToArray());
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("failing_limit", WebhookEndpoint.FailingLimit);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
