using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The model learns the workspaces' and teams' <c>xmin</c> (Configurations/RowVersions.cs). A system column: Npgsql's SQL
    /// generator writes nothing for these operations, so this migration only records that the model has them.
    /// </summary>
    public partial class RowVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "workspaces",
                type: "xid",
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "teams",
                type: "xid",
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "workspaces");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "teams");
        }
    }
}
