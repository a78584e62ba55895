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
    public static readonly DashboardMetric Owed = new("invitation-emails-owed", "Emails owed", page =>
    {
        var (owed, sending) = Query(page, db => (
            db.InvitationDeliveries.Count(d => d.Status == DeliveryStatus.Pending),
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

    // The request's own services: Hangfire keeps dashboard metrics process-wide, so they must not hold on to one host.
    private static T Query<T>(RazorPage page, Func<InvitationsDbContext, T> query) =>
        query(page.Context.GetHttpContext().RequestServices.GetRequiredService<InvitationsDbContext>());
}
