using Invitations.Application.Invitations;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using Invitations.Application.Webhooks.Events;
using Invitations.Domain.Invitations;
using Invitations.Domain.Invitations.Events;
using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// One batch of the sweep in one transaction: the statement (ExpireOverdueInvitations.sql), then the <c>invitation.expired</c>
/// events of the workspaces with an endpoint that subscribes, rendered from the invitations as they now are. A workspace nobody
/// listens to pays for no event.
/// </summary>
internal sealed class ExpirySweep(InvitationsDbContext db) : IExpirySweep
{
    public Task<int> ExpireBatchAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        db.AtomicallyAsync(
            async () =>
            {
                var expired = await ExpireAsync(now, batchSize, cancellationToken);
                await PublishAsync(expired, now, cancellationToken);
                return expired.Count;
            },
            cancellationToken);

    private async Task<List<(InvitationId Id, WorkspaceId WorkspaceId)>> ExpireAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(SqlText.Of<ExpirySweep>("ExpireOverdueInvitations"), cancellationToken);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("batch", batchSize);
        var expired = new List<(InvitationId, WorkspaceId)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.SkipToResultWithAsync("id", cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            expired.Add((new InvitationId(reader.Get<Guid>("id")), new WorkspaceId(reader.Get<Guid>("workspace_id"))));
        }

        return expired;
    }

    private async Task PublishAsync(List<(InvitationId Id, WorkspaceId WorkspaceId)> expired, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var workspaces = expired.Select(e => e.WorkspaceId).Distinct().ToList();
        var listening = (await db.WebhookEndpoints.AsNoTracking()
                .Where(e => workspaces.Contains(e.WorkspaceId) && e.Enabled)
                .Select(e => new { e.WorkspaceId, e.Events })
                .ToListAsync(cancellationToken))
            .Where(e => WebhookEventTypes.Covers(e.Events, WebhookEventTypes.Expired))
            .Select(e => e.WorkspaceId)
            .ToHashSet();
        var ids = expired.Where(e => listening.Contains(e.WorkspaceId)).Select(e => e.Id).ToList();
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
