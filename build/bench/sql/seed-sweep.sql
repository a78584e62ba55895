-- Expiry sweep data: :rows overdue pending invitations in workspace :ws (a real workspace, team and owner), as
-- invitations a week past their 7-day lifetime whose email was sent long ago; then sweep_copy, an identical copy
-- of exactly those rows (same columns, values and indexes) for the raw UPDATE to expire.
-- psql variables: ws, team, inviter_id, inviter_email, rows.
\set ON_ERROR_STOP on
\i build/bench/sql/uuid7.sql

-- The previous run's rows (expired by now) go first, and VACUUM clears their index entries: new rows with the
-- same addresses would otherwise meet the dead ones in the unique index and visit the heap for each.
DELETE FROM invitations WHERE workspace_id = :'ws';
VACUUM invitations;

INSERT INTO invitations (id, workspace_id, email, normalized_email, role, team_id, team_title, user_id,
    invited_by_user_id, invited_by_email, status, lifetime, created_at, expires_at, token_hash, delivery_version,
    email_status, email_requested_at, email_sent_at, email_job_id)
SELECT pg_temp.uuid7_at(t - interval '7 days', g), :'ws', 'Sweep-' || g || '@bench.invalid', 'sweep-' || g || '@bench.invalid',
       'teammate', :'team', 'Default team', nextval('user_ids'), :inviter_id, :'inviter_email', 'pending',
       interval '7 days', t - interval '7 days', t, encode(sha256(('sweep-token-' || g)::bytea), 'hex'), 1,
       'sent', t - interval '7 days', t - interval '7 days' + interval '2 seconds', 'seed'
FROM generate_series(1, :rows) AS g,
     LATERAL (SELECT now() - interval '1 hour' - g * interval '1 second') AS past(t); -- expired 1 h to ~12 days ago

DROP TABLE IF EXISTS sweep_copy;
CREATE TABLE sweep_copy (LIKE invitations INCLUDING ALL);
INSERT INTO sweep_copy SELECT * FROM invitations WHERE workspace_id = :'ws';

-- Both tables start the timed sweeps equally: statistics fresh, visibility map set, dead rows gone, all on disk.
VACUUM ANALYZE invitations;
VACUUM ANALYZE sweep_copy;
CHECKPOINT;
