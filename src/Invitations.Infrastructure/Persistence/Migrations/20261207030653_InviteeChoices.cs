using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InviteeChoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "branding_default_locale",
                table: "workspaces",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "metadata",
                table: "members",
                type: "json",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "decline_reason",
                table: "invitations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "declined_at",
                table: "invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "locale",
                table: "invitations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "metadata",
                table: "invitations",
                type: "json",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.CreateTable(
                name: "opt_outs",
                columns: table => new
                {
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    normalized_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opt_outs", x => new { x.workspace_id, x.normalized_email });
                    table.ForeignKey(
                        name: "fk_opt_outs_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "opt_outs");

            migrationBuilder.DropColumn(
                name: "branding_default_locale",
                table: "workspaces");

            migrationBuilder.DropColumn(
                name: "metadata",
                table: "members");

            migrationBuilder.DropColumn(
                name: "decline_reason",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "declined_at",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "locale",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "metadata",
                table: "invitations");
        }
    }
}
