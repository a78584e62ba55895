-- Claims up to cardinality(@hashes) due emails: owed (pending), their back-off over, and no live claim on them. SKIP LOCKED
-- passes over rows another dispatcher is claiming right now; the lease (from the database clock) keeps them from being claimed
-- again until it lapses, and a batch in flight extends it while its sender lives. Each claimed email gets the n-th new link's
-- hash, which also fences the claim: whoever claims it later gives it another.
WITH due AS (
    SELECT invitation_id, number
    FROM invitation_deliveries
    WHERE status = 'pending' AND next_attempt_at <= @now AND (locked_until IS NULL OR locked_until < now())
    ORDER BY next_attempt_at
    LIMIT cardinality(@hashes)
    FOR UPDATE SKIP LOCKED),
numbered AS (
    SELECT invitation_id, number, row_number() OVER () AS n FROM due)
UPDATE invitation_deliveries AS d
SET locked_until = now() + @lease, token_hash = h.hash
FROM numbered JOIN unnest(@hashes) WITH ORDINALITY AS h(hash, n) ON h.n = numbered.n
WHERE d.invitation_id = numbered.invitation_id AND d.number = numbered.number
RETURNING d.invitation_id, d.number, d.attempts, d.created_at AS owed_since, d.token_hash, d.trace_parent
