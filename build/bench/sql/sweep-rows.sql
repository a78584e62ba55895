-- Expiry sweep data, made once per bench: :rows overdue pending invitations of workspace :ws (a real workspace,
-- team and owner), invitations a week past their 7-day lifetime whose email was sent long ago. They wait in
-- sweep_rows (unlogged, bench-only) so each run copies them instead of computing them again (seed-sweep.sql,
-- sweep-copy.sql), and sweep_indexes keeps the invitations table's index definitions for both. sweep_rows has the
-- table's columns and constraints (no indexes), so the copy is made LIKE it without touching invitations.
-- psql variables: ws, team, inviter_id, inviter_email, rows.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
\i build/bench/sql/uuid7.sql

DROP TABLE IF EXISTS sweep_rows, sweep_indexes;
CREATE UNLOGGED TABLE sweep_rows (LIKE invitations INCLUDING ALL EXCLUDING INDEXES);
INSERT INTO sweep_rows (id, workspace_id, email, normalized_email, role, team_id, team_title, user_id,
    invited_by_user_id, invited_by_email, status, lifetime, created_at, expires_at, delivery_version)
SELECT pg_temp.uuid7_at(t - interval '7 days', g), :'ws', 'Sweep-' || g || '@bench.invalid', 'sweep-' || g || '@bench.invalid',
       'teammate', :'team', 'Default team', nextval('user_ids'), :inviter_id, :'inviter_email', 'pending',
       interval '7 days', t - interval '7 days', t, 1
FROM generate_series(1, :rows) AS g,
     LATERAL (SELECT now() - interval '1 hour' - g * interval '1 second') AS past(t); -- expired 1 h to ~12 days ago

-- Read while nothing holds the table: the seeding takes it exclusively, and the copy must not wait for that.
CREATE UNLOGGED TABLE sweep_indexes AS
SELECT i.indexname, i.indexdef,
       EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
         AS backs_constraint
FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = 'invitations';
