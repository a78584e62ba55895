using Invitations.Application.Common;
using Invitations.Application.Invitations.EmailOutbox;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invitations.Infrastructure.Email.Outbox;

/// <summary>
/// The outbox in set-based statements, as the fastest PostgreSQL queues do it (River, graphile-worker): one statement claims a
/// batch with <c>FOR UPDATE SKIP LOCKED</c> and a lease from the database clock; <see cref="EmailBatch"/> holds and records it.
/// </summary>
internal sealed class EmailOutbox(InvitationsDbContext db, IWorkspaceDirectory workspaces, IServiceScopeFactory scopes, IOptions<EmailOptions> options)
    : IEmailOutbox
{
    public async Task<IReadOnlyList<ClaimedEmail>> ClaimAsync(int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tokens = Enumerable.Range(0, count).Select(_ => SecretToken.New()).ToDictionary(t => t.Hash, t => t.Plaintext);
        await using var command = await db.CommandAsync(SqlText.Of<EmailOutbox>("ClaimEmails"), cancellationToken);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease", options.Value.ClaimLease);
        command.Parameters.AddWithValue("hashes", tokens.Keys.ToArray());
        var claimed = new List<ClaimedEmail>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedEmail(
                new InvitationId(reader.Get<Guid>("invitation_id")),
                reader.Get<int>("number"),
                reader.Get<int>("attempts"),
                reader.Get<DateTimeOffset>("owed_since"),
                tokens[reader.Get<string>("token_hash")],
                reader.Get<string>("token_hash"),
                reader.Get<string?>("trace_parent")));
        }

        return claimed;
    }

    public async Task<IEmailBatch> OpenAsync(IReadOnlyList<ClaimedEmail> claimed, CancellationToken cancellationToken) =>
        await EmailBatch.OpenAsync(db, workspaces, scopes, options.Value.ClaimLease, claimed, cancellationToken);

    /// <summary>When the next owed email can be claimed: its back-off over, and no other dispatcher's lease on it.</summary>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        db.InvitationDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending)
            .Select(d => (DateTimeOffset?)(d.LockedUntil > d.NextAttemptAt ? d.LockedUntil : d.NextAttemptAt))
            .MinAsync(cancellationToken);
}
