using Invitations.Application.Idempotency;

namespace Invitations.Infrastructure.Persistence;

/// <summary>A claim that holds nothing: the key is in use, or was used before.</summary>
internal sealed record AnsweredClaim(IdempotencyState State, RememberedResponse? Remembered) : IIdempotencyClaim
{
    public Task RememberAsync(RememberedResponse response, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"A claim in state {State} runs nothing to remember.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
