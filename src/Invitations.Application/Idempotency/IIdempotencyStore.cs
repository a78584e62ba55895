using Invitations.Domain.Workspaces;

namespace Invitations.Application.Idempotency;

/// <summary>
/// Idempotency keys (contract §9): a key's record is written in the same transaction as the request's effect, so there is no
/// moment when one exists without the other.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Opens the transaction the request's effect runs in and claims the workspace's key for it. A claim that is not
    /// <see cref="IdempotencyState.Fresh"/> holds nothing: dispose it and answer.
    /// </summary>
    Task<IIdempotencyClaim> ClaimAsync(WorkspaceId workspaceId, string key, byte[] requestHash, CancellationToken cancellationToken);

    /// <summary>Deletes keys past their retention, in batches; returns how many.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}
