using Hangfire;
using Hangfire.Dashboard;
using Invitations.Domain.Invitations;
using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Infrastructure.Jobs;

/// <summary>The outbox on the dashboard's home page: emails owed (and of those, in a dispatcher's hands) and failing.</summary>
internal static class EmailMetrics
{
    private static readonly Lock Registering = new();
    private static bool _registered;

    /// <summary>
    /// Hangfire keeps dashboard metrics in process-wide lists, and a second registration (a second host in the process)
    /// would list each metric twice and break the home page: register them once.
    /// </summary>
    public static IGlobalConfiguration UseEmailMetrics(this IGlobalConfiguration configuration)
    {
        lock (Registering)
        {
            if (!_registered)
            {
                configuration.UseDashboardMetric(Owed).UseDashboardMetric(Failing);
                _registered = true;
            }
        }

        return configuration;
    }

    public static readonly DashboardMetric Owed = new("invitation-emails-owed", "Emails owed", page =>
    {
        var (owed, sending) = Query(page, db => (
            OwedCount(db),
            db.InvitationDeliveries.Count(d => d.Status == DeliveryStatus.Pending && d.LockedUntil > DateTimeOffset.UtcNow)));
        return new Metric(owed) { Style = owed > 0 ? MetricStyle.Info : MetricStyle.Default, Title = $"{sending} being sent" };
    });

    public static readonly DashboardMetric Failing = new("invitation-emails-failing", "Emails failing", page =>
    {
        var (retrying, failed) = Query(page, db => (
            db.InvitationDeliveries.Count(d => d.Status == DeliveryStatus.Pending && d.LastError != null),
            db.InvitationDeliveries.Count(d => d.Status == DeliveryStatus.Failed)));
        return new Metric(retrying + failed)
        {
            Style = failed > 0 ? MetricStyle.Danger : retrying > 0 ? MetricStyle.Warning : MetricStyle.Default,
            Title = $"{retrying} retrying, {failed} failed for good",
        };
    });

    /// <summary>Emails owed: the dashboard's count, and the outbox depth gauge's.</summary>
    public static int OwedCount(InvitationsDbContext db) => db.InvitationDeliveries.Count(d => d.Status == DeliveryStatus.Pending);

    // The request's own services: Hangfire keeps dashboard metrics process-wide, so they must not hold on to one host.
    private static T Query<T>(RazorPage page, Func<InvitationsDbContext, T> query) =>
        query(page.Context.GetHttpContext().RequestServices.GetRequiredService<InvitationsDbContext>());
}
