using Invitations.Application.Invitations;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using Invitations.Application.Webhooks.Events;
using Invitations.Domain.Invitations;
using Invitations.Domain.Invitations.Events;
using Invitations.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// One batch of the sweep in one transaction: the statement (ExpireOverdueInvitations.sql), which expires the batch and names the
/// invitations of workspaces with an endpoint that subscribes to <c>invitation.expired</c>; then their events, rendered from the
/// invitations as they now are. A workspace nobody listens to pays for no event, and its rows never leave the database.
/// </summary>
internal sealed class ExpirySweep(InvitationsDbContext db) : IExpirySweep
{
    public Task<int> ExpireBatchAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        db.AtomicallyAsync(
            async () =>
            {
                var (expired, owed) = await ExpireAsync(now, batchSize, cancellationToken);
                await PublishAsync(owed, now, cancellationToken);
                return expired;
            },
            cancellationToken);

    private async Task<(int Expired, List<InvitationId> Owed)> ExpireAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(SqlText.Of<ExpirySweep>("ExpireOverdueInvitations"), cancellationToken);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("batch", batchSize);
        command.Parameters.AddWithValue("event_type", WebhookEventTypes.Expired);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.SkipToResultWithAsync("expired", cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.Get<int>("expired"), [.. reader.Get<Guid[]>("owed").Select(id => new InvitationId(id))]);
    }

    private async Task PublishAsync(List<InvitationId> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var rows = await db.Invitations.AsNoTracking().Where(i => ids.Contains(i.Id)).WithNewestDelivery(db).ToListAsync(cancellationToken);
        var events = rows.Select(r => InvitationWebhookEvents.Of(new InvitationExpired(r.Invitation.Id), r.Invitation, EmailState.Of(r.Delivery), now)!).ToList();
        await new WebhookPublisher(db).PublishAsync(events, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
