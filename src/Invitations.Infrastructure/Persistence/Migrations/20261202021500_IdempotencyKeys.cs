using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Idempotency keys (contract §9). Not an entity: <c>IdempotencyStore</c> reads and writes it with SQL of its own, in the
    /// transaction of the request the key belongs to.
    /// </summary>
    [DbContext(typeof(InvitationsDbContext))]
    [Migration("20261202021500_IdempotencyKeys")]
    public partial class IdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE idempotency_keys (
                    workspace_id uuid NOT NULL,
                    key text NOT NULL,
                    request_hash bytea NOT NULL,
                    status integer NOT NULL,
                    location text NULL,
                    content_type text NULL,
                    body bytea NOT NULL,
                    created_at timestamp with time zone NOT NULL,
                    expires_at timestamp with time zone NOT NULL,
                    CONSTRAINT pk_idempotency_keys PRIMARY KEY (workspace_id, key)
                );
                CREATE INDEX ix_idempotency_keys_expires_at ON idempotency_keys (expires_at);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE idempotency_keys;");
        }
    }
}
