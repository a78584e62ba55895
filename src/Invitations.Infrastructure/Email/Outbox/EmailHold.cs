using Invitations.Application.Invitations.EmailOutbox;
using Invitations.Application.Workspaces;
using Invitations.Domain.Invitations;
using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Invitations.Infrastructure.Email.Outbox;

/// <summary>
/// A batch's hold on its invitations (HoldEmails.sql: a shared lock in a transaction of the batch's own connection, taken for
/// the emails still under this dispatcher's claim), and what composing them needs, read as they are once held.
/// </summary>
internal sealed class EmailHold(IDbContextTransaction transaction) : IAsyncDisposable
{
    private bool _ended;

    public static async Task<(EmailHold Hold, IReadOnlyList<OwedEmail> Emails)> TakeAsync(
        InvitationsDbContext db, IWorkspaceDirectory workspaces, IReadOnlyList<ClaimedEmail> claimed, CancellationToken cancellationToken)
    {
        var hold = new EmailHold(await db.Database.BeginTransactionAsync(cancellationToken));
        try
        {
            var held = await HeldAsync(db, claimed, cancellationToken);
            var invitations = await db.Invitations.AsNoTracking().Where(i => held.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            var cards = await workspaces.CardsAsync(invitations.Values.Select(i => i.WorkspaceId).Distinct().ToList(), cancellationToken);
            var emails = claimed.Where(c => invitations.ContainsKey(c.InvitationId))
                .Select(c => new OwedEmail(c, invitations[c.InvitationId], cards[invitations[c.InvitationId].WorkspaceId]))
                .ToList();
            return (hold, emails);
        }
        catch
        {
            await hold.DisposeAsync();
            throw;
        }
    }

    /// <summary>Lets go, keeping nothing (the hold wrote nothing): a revoke, accept or resend waiting on it goes ahead.</summary>
    public async Task EndAsync()
    {
        if (!_ended)
        {
            _ended = true;
            await transaction.CommitAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ended)
        {
            _ended = true;
            await transaction.RollbackAsync(CancellationToken.None);
        }

        await transaction.DisposeAsync();
    }

    private static async Task<HashSet<InvitationId>> HeldAsync(InvitationsDbContext db, IReadOnlyList<ClaimedEmail> claimed, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(SqlText.Of<EmailOutbox>("HoldEmails"), cancellationToken);
        command.Parameters.AddWithValue("ids", claimed.Select(c => c.InvitationId.Value).ToArray());
        command.Parameters.AddWithValue("numbers", claimed.Select(c => c.Number).ToArray());
        command.Parameters.AddWithValue("hashes", claimed.Select(c => c.TokenHash).ToArray());
        var held = new HashSet<InvitationId>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(new InvitationId(reader.Get<Guid>("id")));
        }

        return held;
    }
}
