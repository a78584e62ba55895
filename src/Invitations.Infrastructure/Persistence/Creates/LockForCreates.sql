-- A set-based create's share of CreateInvitation.sql's rule, in the caller's transaction: the workspace's create lock, taken
-- exclusively (so the count below sees every create of the workspace that started before), one draw from invitation_creates
-- per row it will insert, and the window's count (stopping at @limit).
SELECT pg_advisory_xact_lock(@lock_class, @lock_key);
SELECT nextval('invitation_creates') FROM generate_series(1, @creating);
SELECT count(*)::int AS used
FROM (SELECT FROM invitations WHERE workspace_id = @workspace_id AND created_at > @since LIMIT @limit) AS w;
