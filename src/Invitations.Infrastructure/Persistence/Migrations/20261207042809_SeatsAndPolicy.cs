using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SeatsAndPolicy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "invitation_policy",
                table: "workspaces",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"allowed_domains\":[],\"blocked_domains\":[],\"max_expires_in_days\":null,\"inviter_roles\":[\"owner\",\"admin\"]}'::jsonb");

            migrationBuilder.AddColumn<int>(
                name: "seat_limit",
                table: "workspaces",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "invitation_policy",
                table: "workspaces");

            migrationBuilder.DropColumn(
                name: "seat_limit",
                table: "workspaces");
        }
    }
}
