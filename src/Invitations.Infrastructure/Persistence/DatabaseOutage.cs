using Npgsql;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// Whether an error means the database can't be used right now (down, unreachable, out of connections, shutting down), as
/// opposed to a fault in a statement: the first is worth a retry by the client, the second is a bug.
/// </summary>
public static class DatabaseOutage
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 08 connection exception, 53 insufficient resources (too many connections), 57P operator intervention.
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                           || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                           || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal);

                // Not an error the server sent: refused or broken connections, timeouts, an exhausted pool.
                case NpgsqlException:
                    return true;
            }
        }

        return false;
    }
}
