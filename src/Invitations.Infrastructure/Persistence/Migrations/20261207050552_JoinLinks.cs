using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class JoinLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "join_link_id",
                table: "invitations",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "join_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    max_uses = table.Column<int>(type: "integer", nullable: true),
                    uses = table.Column<int>(type: "integer", nullable: false),
                    allowed_domains = table.Column<string[]>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    disabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by_user_id = table.Column<long>(type: "bigint", nullable: false),
                    created_by_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    created_by_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_join_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_join_links_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_join_link_id_created_at_id",
                table: "invitations",
                columns: new[] { "join_link_id", "created_at", "id" },
                descending: new[] { false, true, true },
                filter: "join_link_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_join_links_token_hash",
                table: "join_links",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_join_links_workspace_id_created_at",
                table: "join_links",
                columns: new[] { "workspace_id", "created_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_invitations_join_links_join_link_id",
                table: "invitations",
                column: "join_link_id",
                principalTable: "join_links",
                principalColumn: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_invitations_join_links_join_link_id",
                table: "invitations");

            migrationBuilder.DropTable(
                name: "join_links");

            migrationBuilder.DropIndex(
                name: "ix_invitations_join_link_id_created_at_id",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "join_link_id",
                table: "invitations");
        }
    }
}
