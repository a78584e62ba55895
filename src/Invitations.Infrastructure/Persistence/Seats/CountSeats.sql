-- A workspace's seats (contract §12): its members, and its pending invitations not past expires_at — an invitation holds its
-- seat until that instant, whether or not the sweep has marked it expired since. With @lock, the workspace's create lock is
-- taken exclusively first (in the caller's transaction), so every create, member add or revival of the workspace that started
-- before has committed and is counted, and none that takes a seat can start until the caller commits. Locking is for a check
-- before taking a seat, which a workspace without a limit does not need: its seats are then not counted (0).
SELECT CASE WHEN @lock THEN pg_advisory_xact_lock(@lock_class, @lock_key) END;

SELECT w.seat_limit,
       CASE WHEN NOT @lock OR w.seat_limit IS NOT NULL
            THEN (SELECT count(*)::int FROM members AS m WHERE m.workspace_id = w.id) ELSE 0 END AS members,
       CASE WHEN NOT @lock OR w.seat_limit IS NOT NULL
            THEN (SELECT count(*)::int FROM invitations AS i WHERE i.workspace_id = w.id AND i.status = 'pending' AND i.expires_at > @now)
            ELSE 0 END AS pending
FROM workspaces AS w
WHERE w.id = @workspace_id;
