-- Scale data: :rows invitations of workspace :ws as a history it could really have: one every 3 minutes
-- (480 a day, inside the default daily limit of 500), the newest 2 days old, so none counts against the
-- rolling-24h limit. Those younger than their 7-day lifetime are pending; older ones are 60% accepted,
-- 30% expired, 10% revoked. (Members for the accepted ones are not seeded: the measured routes don't read them.)
-- psql variables: ws, team, inviter_id, inviter_email, rows, tag (makes addresses unique per workspace).
\set ON_ERROR_STOP on
\i build/bench/sql/uuid7.sql

WITH seeded AS (
INSERT INTO invitations (id, workspace_id, email, normalized_email, role, team_id, team_title, user_id,
    invited_by_user_id, invited_by_email, status, lifetime, created_at, expires_at, accepted_at, revoked_at,
    delivery_version)
SELECT pg_temp.uuid7_at(t, g), :'ws', :'tag' || '-' || g || '@bench.invalid', :'tag' || '-' || g || '@bench.invalid',
       'teammate', :'team', 'Default team', nextval('user_ids'), :inviter_id, :'inviter_email', status,
       interval '7 days', t, t + interval '7 days',
       CASE WHEN status = 'accepted' THEN t + interval '1 hour' END,
       CASE WHEN status = 'revoked' THEN t + interval '1 day' END,
       1
FROM generate_series(1, :rows) AS g,
     LATERAL (SELECT now() - interval '2 days' - g * interval '3 minutes') AS past(t),
     LATERAL (SELECT CASE WHEN t > now() - interval '7 days' THEN 'pending'
                          WHEN g % 10 < 6 THEN 'accepted'
                          WHEN g % 10 < 9 THEN 'expired'
                          ELSE 'revoked' END) AS s(status)
RETURNING id, created_at)
-- Each with the email that was sent for it (the list joins an invitation's newest delivery).
INSERT INTO invitation_deliveries (invitation_id, number, status, attempts, created_at, next_attempt_at, sent_at, token_hash)
SELECT id, 1, 'sent', 1, created_at, created_at, created_at + interval '2 seconds', encode(sha256(id::text::bytea), 'hex')
FROM seeded;
