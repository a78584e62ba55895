using Invitations.Application.Invitations.ExpireOverdueInvitations;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// One batch of the sweep in one statement: the UPDATE, and from what it returns the <c>invitation.expired</c> events of
/// the workspaces that have an enabled endpoint (set-based; <c>webhook_publish</c> keeps only subscribed endpoints). The
/// database's row trigger for accepts and revokes does not fire for these rows, so the sweep pays for no event nobody wants.
/// </summary>
internal sealed class ExpirySweep(InvitationsDbContext db) : IExpirySweep
{
    private const string Expire = """
        WITH expired AS (
            UPDATE invitations AS i
            SET status = 'expired'
            FROM (SELECT id FROM invitations WHERE status = 'pending' AND expires_at <= @now ORDER BY expires_at LIMIT @batch) AS b
            WHERE i.id = b.id
            RETURNING i.*),
        published AS (
            SELECT webhook_publish(array_agg(e.workspace_id), array_agg('invitation.expired'::text),
                       array_agg(json_build_object('invitation', webhook_invitation(ROW(e.*)::invitations, d.status, d.sent_at, d.last_error))))
            FROM expired AS e
            LEFT JOIN invitation_deliveries AS d ON d.invitation_id = e.id AND d.number = e.delivery_version
            WHERE e.workspace_id IN (SELECT workspace_id FROM webhook_endpoints WHERE enabled))
        SELECT (SELECT count(*) FROM expired)::int, (SELECT count(*) FROM published)
        """;

    public async Task<int> ExpireBatchAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(Expire, cancellationToken);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("batch", batchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt32(0);
    }
}
