-- The expiry sweep, one batch: the set-based twin of Invitation.IsOverdue (status 'pending' and expires_at <= @now), the only
-- other writer of an invitation's status. The oldest overdue first, and the rule checked again on each row as it is when it
-- is updated: a row a request changed meanwhile (a resend, an accept at the boundary) is waited for and then, under READ
-- COMMITTED, judged by the outer WHERE alone on its new version, so it is left as the request made it. Returns what it
-- expired, for the events it owes.
WITH overdue AS (
    SELECT id
    FROM invitations
    WHERE status = 'pending' AND expires_at <= @now
    ORDER BY expires_at
    LIMIT @batch)
UPDATE invitations AS i
SET status = 'expired'
FROM overdue
WHERE i.id = overdue.id AND i.status = 'pending' AND i.expires_at <= @now
RETURNING i.id, i.workspace_id
