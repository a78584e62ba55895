using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invitations.Infrastructure.Persistence;

internal static class RawSql
{
    /// <summary>A command on the context's own connection (opened if need be), in its transaction if one is running.</summary>
    public static async Task<NpgsqlCommand> CommandAsync(this DbContext db, string sql, CancellationToken cancellationToken) =>
        new(sql, await db.OpenNpgsqlConnectionAsync(cancellationToken))
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
        };

    /// <summary>The context's own connection, opened if need be (EF closes it again when the context is done with it).</summary>
    public static async Task<NpgsqlConnection> OpenNpgsqlConnectionAsync(this DbContext db, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return connection;
    }

    /// <summary>
    /// Moves a multi-statement command's reader to the result that has <paramref name="column"/> as its first column (the
    /// statements before it answer results of their own, or none); fails if none does.
    /// </summary>
    public static async Task SkipToResultWithAsync(this DbDataReader reader, string column, CancellationToken cancellationToken)
    {
        while (reader.FieldCount == 0 || reader.GetName(0) != column)
        {
            if (!await reader.NextResultAsync(cancellationToken))
            {
                throw new InvalidOperationException($"No result with a column '{column}'.");
            }
        }
    }

    /// <summary>A column by its name, so a statement's text and its reader can't drift apart by position.</summary>
    public static T Get<T>(this DbDataReader reader, string column) =>
        reader.IsDBNull(reader.GetOrdinal(column)) ? default! : reader.GetFieldValue<T>(reader.GetOrdinal(column));
}
