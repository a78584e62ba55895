using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "invitation_deliveries",
                columns: table => new
                {
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitation_deliveries", x => new { x.invitation_id, x.number });
                    table.ForeignKey(
                        name: "fk_invitation_deliveries_invitations_invitation_id",
                        column: x => x.invitation_id,
                        principalTable: "invitations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_invitation_deliveries_due",
                table: "invitation_deliveries",
                column: "next_attempt_at",
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_invitation_deliveries_token_hash",
                table: "invitation_deliveries",
                column: "token_hash",
                unique: true);

            // Every link and owed email the invitations carried becomes a delivery: a caller's link (send_email false)
            // is delivery 1, an email keeps its delivery number. Queued ones are due at once; the dispatcher cancels those
            // whose invitation is no longer pending.
            migrationBuilder.Sql("""
                UPDATE invitations SET delivery_version = 1 WHERE delivery_version = 0 AND token_hash IS NOT NULL;

                INSERT INTO invitation_deliveries
                    (invitation_id, number, status, attempts, created_at, next_attempt_at, sent_at, last_error, token_hash)
                SELECT id, delivery_version,
                       CASE email_status WHEN 'none' THEN 'issued' WHEN 'queued' THEN 'pending' ELSE email_status END,
                       CASE WHEN email_status IN ('sent', 'failed') THEN 1 ELSE 0 END,
                       coalesce(email_requested_at, created_at), now(), email_sent_at, last_email_error, token_hash
                FROM invitations
                WHERE delivery_version > 0;
                """);

            migrationBuilder.DropIndex(
                name: "ix_invitations_token_hash",
                table: "invitations");

            migrationBuilder.DropIndex(
                name: "ix_invitations_unscheduled_email",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "email_job_id",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "email_requested_at",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "email_sent_at",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "email_status",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "last_email_error",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "token_hash",
                table: "invitations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "invitation_deliveries");

            migrationBuilder.AddColumn<string>(
                name: "email_job_id",
                table: "invitations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "email_requested_at",
                table: "invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "email_sent_at",
                table: "invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "email_status",
                table: "invitations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "last_email_error",
                table: "invitations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "token_hash",
                table: "invitations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_token_hash",
                table: "invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_unscheduled_email",
                table: "invitations",
                column: "email_requested_at",
                filter: "email_status = 'queued' AND email_job_id IS NULL");
        }
    }
}
