using Invitations.Application.Invitations.CreateInvitation;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Infrastructure.Persistence.Creates;

/// <summary>Takes ids from this node's <see cref="UserIdPool"/>, drawing a new block from the sequence when it runs short.</summary>
internal sealed class UserIds(InvitationsDbContext db, UserIdPool pool) : IUserIds
{
    public async ValueTask<long> NextAsync(CancellationToken cancellationToken) => (await NextAsync(1, cancellationToken))[0];

    public async ValueTask<IReadOnlyList<long>> NextAsync(int count, CancellationToken cancellationToken)
    {
        if (pool.TryTake(count, out var ids))
        {
            return ids;
        }

        var drawn = await db.Database
            .SqlQuery<long>($"SELECT nextval('user_ids') AS \"Value\" FROM generate_series(1, {count + UserIdPool.Block})")
            .ToListAsync(cancellationToken);
        pool.Add(drawn.Skip(count));
        return drawn.Take(count).ToList();
    }
}
