using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Webhook events are rendered in C# by the code that renders the resource, in the transaction of the change they report
    /// (the unit of work's interceptors, the sweep and the email recorder): the triggers and functions that did it go.
    /// </summary>
    [DbContext(typeof(InvitationsDbContext))]
    [Migration("20261207020000_EventsInCode")]
    public partial class EventsInCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Webhooks.TriggersSql);
    }
}
