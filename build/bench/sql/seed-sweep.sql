-- Each sweep run, part 1: the overdue rows of sweep_rows (sweep-rows.sql) go into the service's invitations table.
-- Part 2 (sweep-copy.sql) runs beside it.
\set ON_ERROR_STOP on
SET maintenance_work_mem = '256MB';

-- The table starts empty, as sweep_copy does: the previous run's rows (expired by now) and the earlier phases' would
-- leave dead entries in the indexes for the new rows to step over (nothing references invitations, and every
-- earlier phase's email has been sent). Its indexes, except the primary key's, are dropped and rebuilt after the
-- rows are in, as the copy's are: a sorted build takes seconds where a million row-by-row inserts take half a
-- minute, and both tables start with equally compact indexes. One transaction: a failure leaves the table as it was.
BEGIN;
TRUNCATE invitations;
DO $$
DECLARE name text;
BEGIN
  FOR name IN SELECT indexname FROM sweep_indexes WHERE NOT backs_constraint LOOP
    EXECUTE format('DROP INDEX public.%I', name);
  END LOOP;
END $$;
INSERT INTO invitations SELECT * FROM sweep_rows;
DO $$
DECLARE definition text;
BEGIN
  FOR definition IN SELECT indexdef FROM sweep_indexes WHERE NOT backs_constraint LOOP
    EXECUTE definition;
  END LOOP;
END $$;
DO $$
BEGIN
  IF (SELECT count(*) FROM pg_indexes i JOIN sweep_indexes s USING (indexname, indexdef)
      WHERE i.schemaname = 'public' AND i.tablename = 'invitations') <> (SELECT count(*) FROM sweep_indexes) THEN
    RAISE EXCEPTION 'the invitations table''s indexes differ from before the seeding';
  END IF;
END $$;
COMMIT;
