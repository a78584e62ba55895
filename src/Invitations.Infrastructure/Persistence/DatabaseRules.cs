using Invitations.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invitations.Infrastructure.Persistence;

/// <summary>The rules the database enforces under concurrency, as the errors a client gets for them.</summary>
internal static class DatabaseRules
{
    public static DomainException? Translate(DbUpdateException e) => e switch
    {
        DbUpdateConcurrencyException => new DomainException(ErrorCodes.Concurrency, "Someone else changed this at the same moment; try again."),
        { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique } => UniqueViolations.Translate(unique.ConstraintName),
        { InnerException: PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } } =>
            new DomainException(ErrorCodes.Concurrency, "Someone else changed this at the same moment; try again."),
        _ => null,
    };
}
