-- Each sweep run, part 1: the overdue rows of sweep_rows (sweep-rows.sql) go into the service's invitations table.
-- Part 2 (sweep-copy.sql) runs beside it.
\set ON_ERROR_STOP on
SET maintenance_work_mem = '256MB';

-- The table starts empty, as sweep_copy does: the previous run's rows (expired by now) and the earlier phases' would
-- leave dead entries in the indexes for the new rows to step over (only deliveries reference invitations, and every
-- earlier phase's email has been sent, so they go too). Its indexes, except the primary key's, are dropped and built again after
-- the rows are in, as the copy's are, so both sweeps start on indexes built the same way (a row-by-row insert
-- in random key order leaves pages about two-thirds full, a build fills them to 90 %, and the UPDATE's page splits
-- differ with that). One
-- transaction: a failure leaves the table as it was.
BEGIN;
TRUNCATE invitations CASCADE;
SELECT format('DROP INDEX public.%I', indexname) FROM sweep_indexes WHERE NOT backs_constraint \gexec
INSERT INTO invitations SELECT * FROM sweep_rows;
SELECT indexdef FROM sweep_indexes WHERE NOT backs_constraint \gexec
COMMIT;
