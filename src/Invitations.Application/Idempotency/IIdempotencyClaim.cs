namespace Invitations.Application.Idempotency;

/// <summary>A claimed idempotency key and the open transaction of its request. Disposing it uncommitted rolls the effect back.</summary>
public interface IIdempotencyClaim : IAsyncDisposable
{
    IdempotencyState State { get; }

    /// <summary>The first response, when <see cref="State"/> is <see cref="IdempotencyState.Replay"/>.</summary>
    RememberedResponse? Remembered { get; }

    /// <summary>Writes the key with its response and commits the effect with it.</summary>
    Task RememberAsync(RememberedResponse response, CancellationToken cancellationToken);
}
