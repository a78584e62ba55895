using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// A count of creates across all workspaces, drawn once by every invitation insert: the daily limit's bound on what other
    /// nodes created since a workspace was last counted (see CreateInvitation.sql). Not in the EF model: only that SQL uses it.
    /// </summary>
    [DbContext(typeof(InvitationsDbContext))]
    [Migration("20261207030000_CreateCounter")]
    public partial class CreateCounter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("CREATE SEQUENCE invitation_creates AS bigint;");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP SEQUENCE invitation_creates;");
    }
}
