namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>What one dispatch did; shown as the job's result on the Hangfire dashboard.</summary>
/// <param name="Retrying">Failed attempts that will be tried again after a back-off.</param>
/// <param name="GivenBack">Claimed but not tried: the dispatcher was stopping.</param>
/// <param name="Cancelled">Not sent: the invitation was revoked, accepted, expired or resent meanwhile.</param>
/// <param name="FailedForGood">Emails whose last attempt failed, with the error.</param>
/// <param name="ConnectionError">Why the SMTP server could not be reached, if it could not.</param>
public sealed record DispatchReport(
    int Sent,
    int Retrying,
    int GivenBack,
    int Cancelled,
    IReadOnlyList<FailedEmail> FailedForGood,
    DateTimeOffset? NextDueAt,
    string? ConnectionError)
{
    /// <summary>This dispatch and a later one, as one.</summary>
    public DispatchReport Then(DispatchReport later) => new(
        Sent + later.Sent,
        Retrying + later.Retrying,
        GivenBack + later.GivenBack,
        Cancelled + later.Cancelled,
        [.. FailedForGood, .. later.FailedForGood],
        later.NextDueAt,
        later.ConnectionError ?? ConnectionError);

    public override string ToString() =>
        $"sent {Sent}, failed for good {FailedForGood.Count}, retrying {Retrying}, given back {GivenBack}, cancelled {Cancelled}"
        + (ConnectionError is null ? "" : $"; SMTP unreachable: {ConnectionError}");
}
