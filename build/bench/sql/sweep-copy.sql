-- Each sweep run, part 2: sweep_copy becomes an identical copy of the overdue rows (same columns, values and
-- indexes) for the raw UPDATE. Its indexes are built after its rows are in (a sorted build, seconds instead of a
-- row-by-row insert) from the invitations table's own definitions, so they are as compact as fresh indexes can be,
-- which can only favour the raw UPDATE.
\set ON_ERROR_STOP on

DROP TABLE IF EXISTS sweep_copy;
CREATE TABLE sweep_copy (LIKE invitations INCLUDING ALL EXCLUDING INDEXES);
INSERT INTO sweep_copy SELECT * FROM sweep_rows;
DO $$
DECLARE definition text;
BEGIN
  FOR definition IN
    SELECT regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX (\S+) ON public\.invitations ',
                          'CREATE \1INDEX sweep_copy_\2 ON public.sweep_copy ')
    FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'invitations'
  LOOP
    EXECUTE definition;
  END LOOP;
END $$;
