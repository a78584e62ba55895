using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Webhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "webhook_endpoints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    events = table.Column<string[]>(type: "text[]", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    disabled_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    disabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    secret = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    previous_secret = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    previous_secret_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failing_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_endpoints", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_endpoints_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_events",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempt_count = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'[]'::jsonb"),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_response = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_webhook_endpoints_endpoint_id",
                        column: x => x.endpoint_id,
                        principalTable: "webhook_endpoints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_webhook_events_event_id",
                        column: x => x.event_id,
                        principalTable: "webhook_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_due",
                table: "webhook_deliveries",
                column: "next_attempt_at",
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_endpoint_id_created_at_id",
                table: "webhook_deliveries",
                columns: new[] { "endpoint_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_event_id",
                table: "webhook_deliveries",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_endpoints_workspace_id",
                table: "webhook_endpoints",
                column: "workspace_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_events_created_at",
                table: "webhook_events",
                column: "created_at");

            // A claim only sets the lease: with room left on each page it is a HOT update (no new index entries, no dead
            // ones for the due-index scan to step over). Autovacuum sooner than the default 20 % of a busy queue table.
            migrationBuilder.Sql("""
                ALTER TABLE webhook_deliveries SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 1000);
                """);

            // Events are written by the database, in the statement that makes the change they report: every path that
            // changes an invitation (a request, the email dispatcher, the set-based expiry sweep) reports it, in its own
            // transaction, and a change no endpoint subscribes to writes nothing but the check.
            migrationBuilder.Sql(TriggersSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER webhook_invitation_ended ON invitations;
                DROP TRIGGER webhook_emails_recorded ON invitation_deliveries;
                DROP TRIGGER webhook_links_given ON invitation_deliveries;
                DROP FUNCTION webhook_invitation_ended();
                DROP FUNCTION webhook_emails_recorded();
                DROP FUNCTION webhook_links_given();
                DROP FUNCTION webhook_publish(uuid[], text[], json[]);
                DROP FUNCTION webhook_invitation(invitations, text, timestamptz, text);
                DROP FUNCTION webhook_time(timestamptz);
                """);

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "webhook_endpoints");

            migrationBuilder.DropTable(
                name: "webhook_events");
        }

        /// <summary>
        /// The PL/pgSQL that wrote webhook events until 20261207020000_EventsInCode dropped it (events are rendered in C# now);
        /// kept here, as it was, for this migration and that one's Down.
        /// </summary>
        internal const string TriggersSql = """
                -- A time exactly as the API's JSON writes it (System.Text.Json): UTC as +00:00, the fraction without trailing
                -- zeros. STABLE like to_char, so it is inlined.
                CREATE FUNCTION webhook_time(t timestamptz) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
                AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                             || coalesce('.' || nullif(rtrim(to_char(t AT TIME ZONE 'UTC', 'US'), '0'), ''), '') || '+00:00' $$;

                -- The invitation as the native API shows it, with the email fields of the given delivery.
                CREATE FUNCTION webhook_invitation(i invitations, email text, sent_at timestamptz, last_error text)
                RETURNS json LANGUAGE sql STABLE
                AS $$ SELECT json_build_object(
                    'id', i.id, 'workspace_id', i.workspace_id, 'email', i.email, 'first_name', i.first_name,
                    'last_name', i.last_name, 'role', i.role, 'team', i.team_title, 'status', i.status, 'user_id', i.user_id,
                    'invited_by', json_build_object('user_id', i.invited_by_user_id, 'email', i.invited_by_email),
                    'created_at', webhook_time(i.created_at), 'expires_at', webhook_time(i.expires_at),
                    'accepted_at', webhook_time(i.accepted_at), 'revoked_at', webhook_time(i.revoked_at),
                    'email_status', CASE email WHEN 'sent' THEN 'sent' WHEN 'failed' THEN 'failed' WHEN 'issued' THEN NULL
                                    ELSE CASE WHEN email IS NULL THEN NULL ELSE 'queued' END END,
                    'email_sent_at', webhook_time(sent_at), 'last_email_error', last_error) $$;

                -- Writes each change as an event, with a delivery for every enabled endpoint of its workspace that subscribes.
                CREATE FUNCTION webhook_publish(workspace_ids uuid[], types text[], datas json[]) RETURNS void LANGUAGE plpgsql
                AS $$ BEGIN -- PL/pgSQL keeps this statement's plan for the session; a SQL function would plan it at every call
                    WITH change AS (
                        SELECT 'evt_' || replace(gen_random_uuid()::text, '-', '') AS id, c.workspace_id, c.type, c.data, now() AS at
                        FROM unnest(workspace_ids, types, datas) AS c(workspace_id, type, data)
                        WHERE EXISTS (SELECT 1 FROM webhook_endpoints AS ep
                                      WHERE ep.workspace_id = c.workspace_id AND ep.enabled AND (ep.events @> ARRAY['*'] OR c.type = ANY (ep.events)))),
                    event AS (
                        INSERT INTO webhook_events (id, workspace_id, type, created_at, body)
                        SELECT id, workspace_id, type, at,
                               json_build_object('id', id, 'type', type, 'created_at', webhook_time(at), 'workspace_id', workspace_id, 'data', data)::text
                        FROM change
                        RETURNING id, workspace_id, type, created_at)
                    INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, attempt_count, attempts, next_attempt_at, created_at)
                    SELECT gen_random_uuid(), ep.id, e.id, 'pending', 0, '[]', e.created_at, e.created_at
                    FROM event AS e
                    JOIN webhook_endpoints AS ep
                      ON ep.workspace_id = e.workspace_id AND ep.enabled AND (ep.events @> ARRAY['*'] OR e.type = ANY (ep.events));
                END $$;

                -- Statement triggers see the rows they report in transition tables, and PL/pgSQL keeps one plan per query for the
                -- session: a plan made when a statement changed no row (a nested loop over two empty tables) would be reused for a
                -- sweep batch of 5,000 rows and compare every new row with every old one (a 1M-row sweep took 4x as long). So the
                -- functions that compare old and new rows first ask a question whose plan is good at any size (do any changed rows
                -- belong to a workspace with an enabled endpoint?), and only then build the events with EXECUTE, planned for the
                -- rows at hand. A new link needs no comparison: each given row finds its invitation by the primary key.

                -- A new link: the first is the invitation's creation, every later one a resend.
                CREATE FUNCTION webhook_links_given() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled) THEN
                        PERFORM webhook_publish(array_agg(i.workspace_id),
                            array_agg(CASE WHEN d.number = 1 THEN 'invitation.created' ELSE 'invitation.resent' END),
                            array_agg(json_build_object('invitation', webhook_invitation(i, d.status, d.sent_at, d.last_error))))
                        FROM given AS d
                        JOIN invitations AS i ON i.id = d.invitation_id
                        WHERE EXISTS (SELECT 1 FROM webhook_endpoints AS ep WHERE ep.workspace_id = i.workspace_id AND ep.enabled);
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER webhook_links_given AFTER INSERT ON invitation_deliveries
                REFERENCING NEW TABLE AS given FOR EACH STATEMENT EXECUTE FUNCTION webhook_links_given();

                -- An email went out, or an attempt failed (final when no attempt follows).
                CREATE FUNCTION webhook_emails_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled)
                       AND EXISTS (SELECT 1 FROM new_rows AS n JOIN invitations AS i ON i.id = n.invitation_id
                                   WHERE (n.status IN ('sent', 'failed') OR n.attempts > 0) -- not a first claim
                                     AND EXISTS (SELECT 1 FROM webhook_endpoints AS ep WHERE ep.workspace_id = i.workspace_id AND ep.enabled)) THEN
                        EXECUTE $q$
                            SELECT webhook_publish(array_agg(i.workspace_id),
                                array_agg(CASE WHEN n.status = 'sent' THEN 'invitation.email_sent' ELSE 'invitation.email_failed' END),
                                array_agg(CASE WHEN n.status = 'sent'
                                    THEN json_build_object('invitation', webhook_invitation(i, n.status, n.sent_at, n.last_error))
                                    ELSE json_build_object('invitation', webhook_invitation(i, n.status, n.sent_at, n.last_error), 'final', n.status = 'failed') END))
                            FROM new_rows AS n
                            JOIN old_rows AS o ON o.invitation_id = n.invitation_id AND o.number = n.number
                            JOIN invitations AS i ON i.id = n.invitation_id
                            WHERE ((n.status = 'sent' AND o.status <> 'sent')
                                   OR (n.status = 'failed' AND o.status <> 'failed')
                                   OR (n.status = 'pending' AND n.attempts > o.attempts))
                              AND EXISTS (SELECT 1 FROM webhook_endpoints AS ep WHERE ep.workspace_id = i.workspace_id AND ep.enabled)
                        $q$;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER webhook_emails_recorded AFTER UPDATE ON invitation_deliveries
                REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_emails_recorded();

                -- Accepted or revoked: one invitation at a time, from a request. A row trigger whose WHEN clause the expiry sweep's
                -- rows fail, so the sweep captures no transition tables for it; the sweep writes its own invitation.expired
                -- events from its UPDATE ... RETURNING (ExpirySweep), in the same statement.
                CREATE FUNCTION webhook_invitation_ended() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM webhook_endpoints WHERE workspace_id = NEW.workspace_id AND enabled) THEN
                        PERFORM webhook_publish(ARRAY[NEW.workspace_id], ARRAY['invitation.' || NEW.status],
                            ARRAY[CASE WHEN NEW.status = 'accepted'
                                THEN json_build_object('invitation', webhook_invitation(NEW, d.status, d.sent_at, d.last_error),
                                                       'member', json_build_object('user_id', NEW.user_id))
                                ELSE json_build_object('invitation', webhook_invitation(NEW, d.status, d.sent_at, d.last_error)) END])
                        FROM (SELECT) AS one
                        LEFT JOIN invitation_deliveries AS d ON d.invitation_id = NEW.id AND d.number = NEW.delivery_version;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER webhook_invitation_ended AFTER UPDATE OF status ON invitations
                FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status IN ('accepted', 'revoked'))
                EXECUTE FUNCTION webhook_invitation_ended();
                """;
    }
}
