using Invitations.Domain.Invitations;

namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>What a dispatch (or one batch of it) did, counted as it goes.</summary>
internal sealed class DispatchTally
{
    private readonly List<FailedEmail> _failed = [];
    private readonly List<(OwedEmail Email, DeliveryOutcome Outcome)> _outcomes = [];

    public int Sent { get; private set; }

    public int Retrying { get; private set; }

    public int GivenBack { get; private set; }

    public int Cancelled { get; private set; }

    public IReadOnlyList<FailedEmail> FailedForGood => _failed;

    public IReadOnlyList<(OwedEmail Email, DeliveryOutcome Outcome)> Outcomes => _outcomes;

    public string? ConnectionError { get; private set; }

    public void Add(OwedEmail email, DeliveryOutcome outcome)
    {
        _outcomes.Add((email, outcome));
        switch (outcome.Status)
        {
            case DeliveryStatus.Sent:
                Sent++;
                break;
            case DeliveryStatus.Cancelled:
                Cancelled++;
                break;
            case DeliveryStatus.Failed:
                _failed.Add(new FailedEmail(email.Claim.InvitationId, email.Claim.Number, outcome.Error!));
                break;
            case DeliveryStatus.Pending when outcome.IsAttempt(email.Claim):
                Retrying++;
                break;
            default:
                GivenBack++;
                break;
        }
    }

    public void Add(DispatchTally batch, string? connectionError)
    {
        (Sent, Retrying, GivenBack, Cancelled) = (Sent + batch.Sent, Retrying + batch.Retrying, GivenBack + batch.GivenBack, Cancelled + batch.Cancelled);
        _failed.AddRange(batch.FailedForGood);
        ConnectionError ??= connectionError;
    }

    public DispatchReport Report(DateTimeOffset? nextDueAt) =>
        new(Sent, Retrying, GivenBack, Cancelled, _failed.ToList(), nextDueAt, ConnectionError);
}
