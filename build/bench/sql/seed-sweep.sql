-- Each sweep run, part 1: the overdue rows of sweep_rows (sweep-rows.sql) go into the service's invitations table.
-- Part 2 (sweep-copy.sql) runs beside it.
\set ON_ERROR_STOP on

-- The table starts empty, as sweep_copy does: the previous run's rows (expired by now) and the earlier phases' would
-- otherwise leave dead entries in the indexes for the new rows to step over (nothing references invitations, and
-- every earlier phase's email has been sent). TRUNCATE instead of DELETE + VACUUM saves a quarter of a minute per run.
TRUNCATE invitations;
INSERT INTO invitations SELECT * FROM sweep_rows;
