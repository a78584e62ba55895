using Microsoft.EntityFrameworkCore;

namespace Invitations.Infrastructure.Persistence;

/// <summary>All or nothing: a transaction of its own, or a savepoint inside the caller's (an idempotency key's).</summary>
internal static class Transactions
{
    private const string Savepoint = "atomically";

    public static async Task<T> AtomicallyAsync<T>(DbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        // This makes the work atomic; EF Core's own savepoint around each save inside it would be two round trips more.
        var autoSavepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            return db.Database.CurrentTransaction is { } outer
                ? await InSavepointAsync(outer, work, cancellationToken)
                : await InTransactionAsync(db, work, cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = autoSavepoints;
        }
    }

    private static async Task<T> InSavepointAsync<T>(
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction outer, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await outer.CreateSavepointAsync(Savepoint, cancellationToken);
        try
        {
            var result = await work();
            await outer.ReleaseSavepointAsync(Savepoint, cancellationToken);
            return result;
        }
        catch
        {
            await outer.RollbackToSavepointAsync(Savepoint, cancellationToken);
            throw;
        }
    }

    private static async Task<T> InTransactionAsync<T>(DbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            // Explicitly, so that what the work's saves owed is dropped with it (a disposal alone tells no interceptor).
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
    }
}
