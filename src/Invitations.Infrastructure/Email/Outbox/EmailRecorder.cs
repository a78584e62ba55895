using System.Diagnostics;
using Invitations.Application.Common;
using Invitations.Application.Invitations;
using Invitations.Application.Invitations.EmailOutbox;
using Invitations.Application.Webhooks.Events;
using Invitations.Domain.Common;
using Invitations.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Invitations.Infrastructure.Email.Outbox;

/// <summary>
/// Writes a batch's outcomes in one transaction of its own: the delivery rows, the <c>invitation.email_sent</c> and
/// <c>invitation.email_failed</c> events they owe, and a fresh lease for the emails still in flight.
/// </summary>
internal sealed class EmailRecorder(InvitationsDbContext db, TimeProvider clock, TimeSpan lease)
{
    private long _leaseExtendedAt = Stopwatch.GetTimestamp();

    /// <summary>A third of the lease has passed since it was last extended: extend it even if nothing was sent since.</summary>
    public bool LeaseWantsExtending => Stopwatch.GetElapsedTime(_leaseExtendedAt) > lease / 3;

    /// <param name="waitForLocks">
    /// False: give up (<see cref="RecordingBlockedException"/>) rather than wait behind a lock for long. A statement that needs the
    /// whole table (a migration, say) queues behind the batch's hold, and everything after it, this recording too, behind it.
    /// </param>
    public async Task RecordAsync(
        IReadOnlyList<(OwedEmail Email, DeliveryOutcome Outcome)> outcomes, IReadOnlyCollection<OwedEmail> stillHeld, bool waitForLocks,
        CancellationToken cancellationToken)
    {
        // The lease is extended only once a third of it has passed, not by every recording: each extension rewrites every email
        // still in flight, which made ~0.75 row updates per email sent under load (pg_stat_statements, build/bench/findings.md).
        var extendedAt = Stopwatch.GetTimestamp();
        var leaseDue = LeaseWantsExtending;
        var extending = leaseDue && stillHeld.Count > 0; // the extension's statement and arrays are sent only when it has rows
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sql = SqlText.Of<EmailOutbox>("RecordEmails");
        if (extending)
        {
            sql += "\n" + SqlText.Of<EmailOutbox>("ExtendEmailLeases"); // the record ends with its semicolon
        }

        await using (var command = await db.CommandAsync(waitForLocks ? sql : "SET LOCAL lock_timeout = '1s';\n" + sql, cancellationToken))
        {
            var recorded = outcomes.Select(o => o.Email.Claim).ToList();
            command.Parameters.AddWithValue("ids", recorded.Select(c => c.InvitationId.Value).ToArray());
            command.Parameters.AddWithValue("numbers", recorded.Select(c => c.Number).ToArray());
            command.Parameters.AddWithValue("hashes", recorded.Select(c => c.TokenHash).ToArray());
            command.Parameters.AddWithValue("statuses", outcomes.Select(o => o.Outcome.Status.LowerCaseName()).ToArray());
            command.Parameters.AddWithValue("attempts", outcomes.Select(o => o.Outcome.Attempts).ToArray());
            command.Parameters.AddWithValue("next", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, outcomes.Select(o => o.Outcome.NextAttemptAt).ToArray());
            command.Parameters.AddWithValue("sent", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, outcomes.Select(o => o.Outcome.SentAt).ToArray());
            command.Parameters.AddWithValue("errors", NpgsqlDbType.Array | NpgsqlDbType.Text, outcomes.Select(o => StoredText.Clean(o.Outcome.Error, 1000)).ToArray());
            if (extending)
            {
                command.Parameters.AddWithValue("held_ids", stillHeld.Select(e => e.Claim.InvitationId.Value).ToArray());
                command.Parameters.AddWithValue("held_numbers", stillHeld.Select(e => e.Claim.Number).ToArray());
                command.Parameters.AddWithValue("held_hashes", stillHeld.Select(e => e.Claim.TokenHash).ToArray());
                command.Parameters.AddWithValue("lease", lease);
            }

            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                throw new RecordingBlockedException(e);
            }
        }

        var now = clock.GetUtcNow();
        var events = outcomes.Where(o => o.Outcome.IsAttempt(o.Email.Claim)).Select(o => Event(o, now)).ToList();
        if ((await new WebhookPublisher(db).PublishAsync(events, now, cancellationToken)).Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (leaseDue)
        {
            _leaseExtendedAt = extendedAt;
        }
    }

    private static OwedEvent Event((OwedEmail Email, DeliveryOutcome Outcome) recorded, DateTimeOffset now) =>
        InvitationWebhookEvents.EmailOutcome(
            recorded.Email.Invitation,
            new EmailState(recorded.Outcome.Status, recorded.Outcome.SentAt, StoredText.Clean(recorded.Outcome.Error, 1000)),
            recorded.Outcome.IsFinalFailure,
            now);
}
