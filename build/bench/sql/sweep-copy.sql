-- Each sweep run, part 2: sweep_copy becomes an identical copy of the overdue rows (same columns, values and
-- indexes) for the raw UPDATE. Like the service's table (seed-sweep.sql), its indexes are built after its rows are
-- in, from the invitations table's own definitions (sweep_indexes): the two start alike.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET maintenance_work_mem = '256MB';

DROP TABLE IF EXISTS sweep_copy;
CREATE TABLE sweep_copy (LIKE sweep_rows INCLUDING ALL);
INSERT INTO sweep_copy SELECT * FROM sweep_rows;
SELECT regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX (\S+) ON public\.invitations ',
                      'CREATE \1INDEX sweep_copy_\2 ON public.sweep_copy ')
FROM sweep_indexes \gexec
