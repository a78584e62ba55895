using Invitations.Domain.Invitations;

namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>
/// What became of one claimed email. <see cref="Status"/> pending means "try again at <see cref="NextAttemptAt"/>": after a
/// failed attempt (<see cref="Attempts"/> grew), or given back untried.
/// </summary>
public sealed record DeliveryOutcome(DeliveryStatus Status, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? Error)
{
    public static DeliveryOutcome Sent(ClaimedEmail email, DateTimeOffset at) => new(DeliveryStatus.Sent, email.Attempts + 1, at, at, null);

    /// <summary>Not sent: the invitation stopped being pending (or a newer link replaced this one) before its turn.</summary>
    public static DeliveryOutcome Cancelled(ClaimedEmail email, DateTimeOffset at) => new(DeliveryStatus.Cancelled, email.Attempts, at, null, null);

    /// <summary>Not tried (the dispatcher is stopping): due again at once, no attempt spent.</summary>
    public static DeliveryOutcome GivenBack(ClaimedEmail email, DateTimeOffset at) => new(DeliveryStatus.Pending, email.Attempts, at, null, null);

    public bool IsAttempt(ClaimedEmail email) => Attempts > email.Attempts;

    public bool IsFinalFailure => Status == DeliveryStatus.Failed;
}
