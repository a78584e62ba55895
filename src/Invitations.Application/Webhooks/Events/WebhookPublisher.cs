using System.Text.Json;
using Invitations.Application.Common;
using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Webhooks.Events;

/// <summary>
/// Writes events into the unit of work: each one rendered once (its body is frozen, so every attempt signs the same bytes)
/// with a delivery for every enabled endpoint of its workspace that subscribes to it. An event nobody subscribes to writes
/// nothing. The caller's next save writes them, in the same transaction as the change they report.
/// </summary>
public sealed class WebhookPublisher(IInvitationsDbContext db)
{
    /// <summary>Adds the events and their deliveries to the unit of work; returns the rows it added (none: nobody subscribes).</summary>
    public async Task<IReadOnlyList<object>> PublishAsync(IReadOnlyCollection<OwedEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = new List<object>();
        if (events.Count == 0)
        {
            return added;
        }

        var workspaces = events.Select(e => e.WorkspaceId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => workspaces.Contains(e.WorkspaceId) && e.Enabled)
            .Select(e => new Subscriber(e.Id, e.WorkspaceId, e.Events))
            .ToListAsync(cancellationToken);
        foreach (var change in events)
        {
            var subscribers = endpoints.Where(e => e.WorkspaceId == change.WorkspaceId && WebhookEventTypes.Covers(e.Events, change.Type)).ToList();
            if (subscribers.Count == 0)
            {
                continue;
            }

            var published = WebhookEvent.Create(change.WorkspaceId.Value, change.Type, now, e => Render(e, change.Data));
            var deliveries = subscribers.Select(s => WebhookDelivery.Of(published, s.Id)).ToList();
            db.WebhookEvents.Add(published);
            db.WebhookDeliveries.AddRange(deliveries);
            added.Add(published);
            added.AddRange(deliveries);
        }

        return added;
    }

    public static string Render(WebhookEvent e, object data) =>
        JsonSerializer.Serialize(new EventEnvelope(e.Id, e.Type, e.CreatedAt, e.WorkspaceId, data), WireJson.Options);

    private sealed record Subscriber(WebhookEndpointId Id, WorkspaceId WorkspaceId, string[] Events);
}
