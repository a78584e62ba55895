-- The expiry sweep, one batch: the set-based twin of Invitation.IsOverdue (status 'pending' and expires_at <= @now), the only
-- other writer of an invitation's status. The oldest overdue first, skipping rows a request is changing right now (a resend or
-- an accept will decide them), and the rule checked again on each row as it is when updated: READ COMMITTED re-evaluates only
-- the outer WHERE, so a row changed meanwhile is left alone. Returns what it expired, for the events it owes.
WITH overdue AS (
    SELECT id
    FROM invitations
    WHERE status = 'pending' AND expires_at <= @now
    ORDER BY expires_at
    LIMIT @batch
    FOR UPDATE SKIP LOCKED)
UPDATE invitations AS i
SET status = 'expired'
FROM overdue
WHERE i.id = overdue.id AND i.status = 'pending' AND i.expires_at <= @now
RETURNING i.id, i.workspace_id
