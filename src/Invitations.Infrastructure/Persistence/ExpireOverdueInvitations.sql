-- The expiry sweep, one batch: the set-based twin of Invitation.IsOverdue (status 'pending' and expires_at <= @now), the only
-- other writer of an invitation's status. The oldest overdue first (walking the pending-expiry index in order, which a bitmap
-- scan would not: planned on a table whose statistics lag a big load, it read every overdue row for each batch), then each
-- row straight by the physical address the walk found (a TID scan: no primary-key descent per row, a fifth of the batch's
-- buffer reads), with the rule checked again on the row as it is when updated: a row a request changed meanwhile (a resend,
-- an accept at the boundary) is waited for and then, under READ COMMITTED, judged by this WHERE on its new version, so it is
-- left as the request made it. Returns what it expired, for the events it owes.
SET LOCAL enable_bitmapscan = off;

UPDATE invitations AS i
SET status = 'expired'
WHERE i.ctid = ANY (ARRAY(
        SELECT ctid FROM invitations
        WHERE status = 'pending' AND expires_at <= @now
        ORDER BY expires_at
        LIMIT @batch))
  AND i.status = 'pending' AND i.expires_at <= @now
RETURNING i.id, i.workspace_id;
