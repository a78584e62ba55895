using System.Diagnostics;
using System.Diagnostics.Metrics;
using Invitations.Application.Common;
using Invitations.Domain.Webhooks;
using Invitations.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// <c>invitations.outbox.depth</c>: rows owed and not yet done with, by kind (email, webhook); the counts the dashboard
/// shows. Read at most every <see cref="Freshness"/>, so frequent scrapes (or several readers) add nothing to the database.
/// </summary>
internal sealed class OutboxDepthGauge
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private static readonly KeyValuePair<string, object?> Email = new("kind", "email");
    private static readonly KeyValuePair<string, object?> Webhook = new("kind", "webhook");

    private readonly IServiceScopeFactory _scopes;
    private readonly Lock _lock = new();
    private Measurement<long>[] _last = [];
    private long? _readAt;

    public OutboxDepthGauge(IMeterFactory meters, IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        meters.Create(InvitationMetrics.MeterName)
            .CreateObservableGauge("invitations.outbox.depth", Observe, "{row}", "Owed emails and webhook deliveries not yet sent, by kind.");
    }

    private Measurement<long>[] Observe()
    {
        lock (_lock)
        {
            if (_readAt is { } readAt && Stopwatch.GetElapsedTime(readAt) < Freshness)
            {
                return _last;
            }

            try
            {
                using var scope = _scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<InvitationsDbContext>();
                _last = [new(EmailMetrics.OwedCount(db), Email), new(db.WebhookDeliveries.Count(d => d.Status == WebhookDeliveryStatus.Pending), Webhook)];
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                _last = []; // the database is away (readiness says so): no reading rather than a stale one
            }

            _readAt = Stopwatch.GetTimestamp();
            return _last;
        }
    }
}
