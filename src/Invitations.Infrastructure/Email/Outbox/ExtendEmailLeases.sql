-- Extends the lease of the emails still being worked on, so that nobody claims them while their sender lives (fenced by the
-- claim's link hash, as the record is). Sent after the record, in its round trip, only when the lease wants extending.
UPDATE invitation_deliveries AS d
SET locked_until = now() + @lease
FROM unnest(@held_ids, @held_numbers, @held_hashes) AS h(id, number, hash)
WHERE d.invitation_id = h.id AND d.number = h.number AND d.token_hash = h.hash;
