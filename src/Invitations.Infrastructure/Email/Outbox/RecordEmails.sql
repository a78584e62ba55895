-- Records outcomes (fenced by the claim's link hash: a claim that lapsed and was taken by another dispatcher is theirs now).
UPDATE invitation_deliveries AS d
SET status = o.status, attempts = o.attempts, next_attempt_at = o.next_attempt_at, locked_until = NULL, sent_at = o.sent_at,
    last_error = CASE WHEN o.status = 'sent' THEN NULL ELSE coalesce(o.error, d.last_error) END
FROM unnest(@ids, @numbers, @hashes, @statuses, @attempts, @next, @sent, @errors)
    AS o(id, number, hash, status, attempts, next_attempt_at, sent_at, error)
WHERE d.invitation_id = o.id AND d.number = o.number AND d.token_hash = o.hash;
