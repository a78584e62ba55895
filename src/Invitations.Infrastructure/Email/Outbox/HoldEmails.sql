-- Holds a claimed batch's invitations (a shared lock, until the batch completes): a revoke, accept or resend of one of them
-- waits until its email's outcome is recorded. Only emails still under this dispatcher's claim (their link's hash unchanged)
-- are held; the invitations are then read as they are now.
SELECT i.id
FROM invitations AS i
JOIN invitation_deliveries AS d ON d.invitation_id = i.id
JOIN unnest(@ids, @numbers, @hashes) AS c(id, number, hash) ON d.invitation_id = c.id AND d.number = c.number AND d.token_hash = c.hash
FOR SHARE OF i
