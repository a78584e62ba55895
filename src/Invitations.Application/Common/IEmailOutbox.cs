using Invitations.Application.Invitations.DispatchInvitationEmails;

namespace Invitations.Application.Common;

/// <summary>The owed invitation emails (delivery rows written with the changes that owe them), as the dispatcher drains them.</summary>
public interface IEmailOutbox
{
    /// <summary>
    /// Claims up to <paramref name="tokenHashes"/>.Count due emails in one statement (skipping rows another dispatcher holds)
    /// under a lease from the database clock, and stores the n-th claimed email's new link hash from the list.
    /// </summary>
    Task<IReadOnlyList<OwedEmail>> ClaimAsync(IReadOnlyList<string> tokenHashes, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Starts sending claimed emails: locks (shared) the invitations that are still pending and for which the email is the
    /// newest delivery, so a revoke, accept or resend waits until the batch is recorded. The rest must not be sent.
    /// </summary>
    Task<IOutboxBatch> BeginSendingAsync(IReadOnlyList<OwedEmail> claimed, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>When the next owed email falls due (a back-off ends), if any does.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);
}

public interface IOutboxBatch : IAsyncDisposable
{
    /// <summary>The claimed emails that may be sent.</summary>
    IReadOnlySet<(Guid InvitationId, int Number)> Sendable { get; }

    /// <summary>Records every claimed email's outcome in one statement and commits, releasing the invitations.</summary>
    Task CompleteAsync(IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken cancellationToken);
}
