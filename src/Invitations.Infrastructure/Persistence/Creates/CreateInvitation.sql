-- A create, in one round trip and one transaction: two statements Npgsql sends together, which PostgreSQL runs as one
-- implicit transaction.
--
-- The daily limit, exact on any number of nodes: every insert of an invitation takes its workspace's create lock and then draws
-- one value from invitation_creates. Counting exactly (@exact) takes the lock exclusively, so every create of the workspace
-- that started before has committed and the count sees it. Otherwise the lock is shared (creates run side by side) and the
-- insert must fit the estimate: the workspace's count when last counted (@counted, when the counter stood at @counted_at),
-- plus every create anywhere since (our draw minus @counted_at), plus what may have been in flight then (@slack, the server's
-- connection limit) — an over-estimate, so it never lets the limit be passed. An insert that does not fit writes nothing.
--
-- The seats (contract §12) the same way: a workspace with a seat_limit is only ever inserted into while counting exactly,
-- under the exclusive lock that everything taking a seat takes (CountSeats.sql), so members + pending invitations not past
-- expires_at never pass the limit. The estimate reads only that the workspace has no limit: one index lookup.
--
-- The statement below is prepared once per connection (Npgsql's auto-prepare) and is to be planned once too: its plan does not
-- depend on the values. Left to choose, PostgreSQL plans it anew on every execution (a custom plan, with @exact folded in, looks
-- cheaper than the generic one that keeps the exact branch's counts): 0.56 ms of the database's CPU per create, more than the
-- statement's own run (pg_stat_statements, build/bench/findings.md). set_config(…, true) holds until this implicit transaction
-- ends (the create's own, or the idempotency key's when the request carries one), and unlike SET LOCAL it is not refused outside BEGIN.
SELECT set_config('plan_cache_mode', 'force_generic_plan', true) AS plan_cache_mode,
       CASE WHEN @exact THEN pg_advisory_xact_lock(@lock_class, @lock_key) ELSE pg_advisory_xact_lock_shared(@lock_class, @lock_key) END;

WITH seats AS (
    SELECT w.xmin AS version,
           w.seat_limit,
           CASE WHEN @exact AND w.seat_limit IS NOT NULL
                THEN (SELECT count(*) FROM members AS m WHERE m.workspace_id = w.id) END AS members,
           CASE WHEN @exact AND w.seat_limit IS NOT NULL
                THEN (SELECT count(*) FROM invitations AS i WHERE i.workspace_id = w.id AND i.status = 'pending' AND i.expires_at > @created_at) END AS pending
    FROM workspaces AS w
    WHERE w.id = @workspace_id),
-- The enabled endpoints that subscribe to its invitation.created (the rule of WebhookEventTypes.Covers: '*' or the event's type).
subscriber AS (
    SELECT ep.id
    FROM webhook_endpoints AS ep
    WHERE ep.workspace_id = @workspace_id AND ep.enabled AND (ep.events @> ARRAY['*'] OR @event_type = ANY (ep.events))),
-- What the create was decided on, before its limits: the workspace's and the team's rows as the handler read them (a node may
-- act on a reading of its own from before; xmin, the row's version, changes with every update and not with the row locks of
-- foreign keys), then the address's standing, then whether it carries the event its subscribers are owed. Null: nothing in the way.
refusal AS (
    SELECT CASE WHEN NOT EXISTS (SELECT FROM seats WHERE seats.version = @workspace_version)
                  OR NOT EXISTS (SELECT FROM teams AS t WHERE t.id = @team_id AND t.workspace_id = @workspace_id AND t.xmin = @team_version)
                THEN 'stale'
                WHEN EXISTS (SELECT FROM members AS m WHERE m.workspace_id = @workspace_id AND m.normalized_email = @normalized_email)
                THEN 'member'
                WHEN EXISTS (SELECT FROM opt_outs AS o WHERE o.workspace_id = @workspace_id AND o.normalized_email = @normalized_email)
                THEN 'opted-out'
                -- Sent without its event (this node last saw nobody listening): an endpoint subscribes now, so nothing is written and
                -- the create is sent again with its event.
                WHEN @event_body IS NULL AND EXISTS (SELECT FROM subscriber)
                THEN 'unannounced' END AS reason),
-- One row when nothing is in the way and the limits admit the insert (its one draw from the counter made either way).
admitted AS (
    SELECT
    FROM (SELECT nextval('invitation_creates') AS drawn) AS creates, seats, refusal
    WHERE refusal.reason IS NULL
      AND CASE WHEN @exact
             THEN (SELECT count(*) FROM (SELECT FROM invitations WHERE workspace_id = @workspace_id AND created_at > @since LIMIT @limit) AS w) < @limit
                  AND (seats.seat_limit IS NULL OR seats.members + seats.pending < seats.seat_limit)
             ELSE creates.drawn - @counted_at + @counted + @slack <= @limit AND seats.seat_limit IS NULL END),
-- A join (contract §13) counts one use of its link, with the invitation it makes and only then: JoinLink.Use's rule (not
-- disabled, not expired, not used up), re-checked on the link's row as it is updated. A concurrent join of the same link waits
-- for this row and, once this commits, re-evaluates the WHERE against the new uses (READ COMMITTED), so max_uses holds on any
-- number of nodes. The invitation is inserted only if the use was counted; a unique violation (the address has a pending
-- invitation) undoes both. Without a link (@join_link_id null) this updates nothing.
used AS (
    UPDATE join_links
    SET uses = uses + 1
    WHERE id = @join_link_id AND EXISTS (SELECT FROM admitted)
      AND disabled_at IS NULL AND expires_at > @created_at AND (max_uses IS NULL OR uses < max_uses)
    RETURNING id),
invitation AS (
    INSERT INTO invitations (id, workspace_id, email, normalized_email, first_name, last_name, role, team_id, team_title, user_id,
                             invited_by_user_id, invited_by_email, status, lifetime, created_at, expires_at, delivery_version, locale,
                             metadata, join_link_id)
    SELECT @id, @workspace_id, @email, @normalized_email, @first_name, @last_name, @role, @team_id, @team_title, @user_id,
           @invited_by_user_id, @invited_by_email, 'pending', @lifetime, @created_at, @expires_at, @delivery_version, @locale,
           @metadata, @join_link_id
    FROM admitted
    WHERE @join_link_id IS NULL OR EXISTS (SELECT FROM used)
    RETURNING id),
-- The link it gives out (an email owed through the outbox, or the caller's own), if it gives one.
delivery AS (
    INSERT INTO invitation_deliveries (invitation_id, number, status, attempts, created_at, next_attempt_at, token_hash, trace_parent)
    SELECT id, @delivery_version, @delivery_status, 0, @created_at, @created_at, @token_hash, @trace_parent
    FROM invitation
    WHERE @delivery_version > 0),
-- Its invitation.created event, rendered by the service, with a delivery for each subscriber (above); nothing when none does.
published AS (
    INSERT INTO webhook_events (id, workspace_id, type, created_at, body)
    SELECT @event_id, @workspace_id, @event_type, @created_at, @event_body
    FROM invitation
    WHERE EXISTS (SELECT FROM subscriber)
    RETURNING id),
owed AS (
    INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, attempt_count, attempts, next_attempt_at, created_at)
    SELECT gen_random_uuid(), subscriber.id, published.id, 'pending', 0, '[]', @created_at, @created_at
    FROM published CROSS JOIN subscriber)
-- What came of it; counting exactly, the count with our own row and the counter, for later estimates (wherever the counter is
-- read in this statement, an estimate made from the two can only overstate), and the seats as they were before it.
SELECT EXISTS (SELECT FROM invitation) AS inserted,
       (SELECT reason FROM refusal) AS refusal,
       EXISTS (SELECT FROM subscriber) AS heard, -- an inserted invitation's event was published exactly when this holds
       @join_link_id IS NOT NULL AND EXISTS (SELECT FROM admitted) AND NOT EXISTS (SELECT FROM used) AS link_closed,
       CASE WHEN @exact
            THEN (SELECT count(*) FROM (SELECT FROM invitations WHERE workspace_id = @workspace_id AND created_at > @since LIMIT @limit) AS w)
                 + (SELECT count(*) FROM invitation) END AS counted,
       CASE WHEN @exact THEN (SELECT last_value FROM invitation_creates) END AS counted_at,
       current_setting('max_connections')::int AS slack,
       (SELECT seat_limit FROM seats) AS seat_limit,
       (SELECT members::int FROM seats) AS members,
       (SELECT pending::int FROM seats) AS pending;
