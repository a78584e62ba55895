namespace Invitations.Application.Idempotency;

public enum IdempotencyState
{
    /// <summary>The key is new (or its record expired): the request runs, inside the claim's transaction.</summary>
    Fresh,

    /// <summary>The same request was answered before: replay its response.</summary>
    Replay,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,

    /// <summary>A request with this key is running right now.</summary>
    InUse,
}
