using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// EF logs every statement the database refuses as an error, with its SQL. Here a refusal is an answer the code that sent
/// the statement handles: the pending-invitation index deciding a duplicate (a 409), the migration history probe finding no
/// table on a new database. A refusal the code does not handle is a bug that reaches the API's exception handler (or a
/// job's), which logs it, without the SQL. So EF's own lines about them go to Debug, out of an operator's log.
/// </summary>
internal static class RefusedStatements
{
    public static DbContextOptionsBuilder LogRefusalsAtDebug(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug)));
}
