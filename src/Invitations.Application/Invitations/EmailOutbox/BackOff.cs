using Invitations.Domain.Invitations;

namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>
/// The retry schedule (<c>Email:RetryDelaysSeconds</c>): one attempt plus one per delay. A failed attempt is one the SMTP
/// server refused or one that could not reach the server at all; after the last, the email has failed for good.
/// </summary>
public sealed class BackOff(IReadOnlyList<int> delays)
{
    public DeliveryOutcome Failed(ClaimedEmail email, string error, DateTimeOffset now)
    {
        var attempts = email.Attempts + 1;
        return attempts > delays.Count
            ? new DeliveryOutcome(DeliveryStatus.Failed, attempts, now, null, error)
            : new DeliveryOutcome(DeliveryStatus.Pending, attempts, now.AddSeconds(delays[attempts - 1]), null, error);
    }
}
