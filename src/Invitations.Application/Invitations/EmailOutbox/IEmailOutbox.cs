namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>
/// The owed invitation emails: delivery rows written with the changes that owe them (an invitation created or resent), which
/// the dispatcher claims, sends and records. Claiming and holding are separate: a claim commits the links' hashes under a
/// lease; a batch then holds its emails while they are sent.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>
    /// Claims up to <paramref name="count"/> due emails in one statement (skipping those another dispatcher holds), under a
    /// lease from the database clock, and gives each claimed email a new link: the hash stored, the secret returned.
    /// </summary>
    Task<IReadOnlyList<ClaimedEmail>> ClaimAsync(int count, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Holds claimed emails while they are sent (<see cref="IEmailBatch"/>) and reads what composing them needs.</summary>
    Task<IEmailBatch> OpenAsync(IReadOnlyList<ClaimedEmail> claimed, CancellationToken cancellationToken);

    /// <summary>When the next owed email falls due (a back-off ends), if any does.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);
}
