namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>
/// Claimed emails being sent. While it is open nobody else claims them, however long a message takes, and their invitations
/// can't be revoked, accepted or resent until each one's outcome is recorded. Each outcome is recorded within
/// <see cref="RecordWithin"/> of being given (by time as well as by count): a crash doubles at most that much mail.
/// </summary>
public interface IEmailBatch : IAsyncDisposable
{
    public static readonly TimeSpan RecordWithin = TimeSpan.FromMilliseconds(150);

    IReadOnlyList<OwedEmail> Emails { get; }

    /// <summary>
    /// False once the batch had to let go of its invitations early (a statement that needs a whole table was waiting on it):
    /// send no more; <see cref="CompleteAsync"/> gives the rest back.
    /// </summary>
    bool Holding { get; }

    /// <summary>Whether the email may still be sent: its invitation is pending, within its lifetime, and this is its newest link.</summary>
    bool MayBeSent(OwedEmail email, DateTimeOffset now);

    /// <summary>Records an outcome, at once or within <see cref="RecordWithin"/>, with the webhook events it owes.</summary>
    Task RecordAsync(OwedEmail email, DeliveryOutcome outcome);

    /// <summary>Records every outcome not yet recorded, gives back the emails never tried, and lets go of the rest.</summary>
    Task CompleteAsync();
}
