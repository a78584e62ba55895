-- The expiry sweep, one batch: the set-based twin of Invitation.IsOverdue (status 'pending' and expires_at <= @now), the only
-- other writer of an invitation's status. The oldest overdue first (walking the pending-expiry index in order, which a bitmap
-- scan would not: planned on a table whose statistics lag a big load, it read every overdue row for each batch), then each
-- row straight by the physical address the walk found (a TID scan: no primary-key descent per row, a fifth of the batch's
-- buffer reads), with the rule checked again on the row as it is when updated: a row a request changed meanwhile (a resend,
-- an accept at the boundary) is waited for and then, under READ COMMITTED, judged by this WHERE on its new version, so it is
-- left as the request made it.
SET LOCAL enable_bitmapscan = off;

WITH expired AS (
    UPDATE invitations AS i
    SET status = 'expired'
    WHERE i.ctid = ANY (ARRAY(
            SELECT ctid FROM invitations
            WHERE status = 'pending' AND expires_at <= @now
            ORDER BY expires_at
            LIMIT @batch))
      AND i.status = 'pending' AND i.expires_at <= @now
    RETURNING i.id, i.workspace_id)
-- How many it expired (a batch that comes back short was the last), and of those only the ones that owe an invitation.expired
-- event: in a workspace with an enabled endpoint that subscribes (WebhookEventTypes.Covers: '*' or the type, as the create's
-- statement picks them). Returning every expired row to the service instead cost it 1.5-4.5 µs per row: ~3 s of a 23 s sweep of a
-- million rows where nobody listens (build/bench/findings.md).
SELECT (SELECT count(*) FROM expired)::int AS expired,
       ARRAY(SELECT e.id FROM expired AS e
             WHERE EXISTS (SELECT FROM webhook_endpoints AS ep
                           WHERE ep.workspace_id = e.workspace_id AND ep.enabled
                             AND (ep.events @> ARRAY['*'] OR @event_type = ANY (ep.events)))) AS owed;
