using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryTraceParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "trace_parent",
                table: "invitation_deliveries",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "trace_parent",
                table: "invitation_deliveries");
        }
    }
}
