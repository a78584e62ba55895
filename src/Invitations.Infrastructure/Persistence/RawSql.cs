using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invitations.Infrastructure.Persistence;

internal static class RawSql
{
    /// <summary>A command on the context's own connection (opened if need be), in its transaction if one is running.</summary>
    public static async Task<NpgsqlCommand> CommandAsync(this InvitationsDbContext db, string sql, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return new NpgsqlCommand(sql, connection) { Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction() };
    }
}
