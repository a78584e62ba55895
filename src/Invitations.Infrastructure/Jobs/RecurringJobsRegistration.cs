using Hangfire;
using Invitations.Application.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Invitations.Infrastructure.Jobs;

/// <summary>Registers the recurring jobs once at start; Hangfire runs each occurrence once across all processes.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IOptions<InvitationOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<MaintenanceJobs>(MaintenanceJobs.ExpireId, job => job.ExpireAsync(CancellationToken.None), options.Value.ExpirySweepCron);
        recurring.AddOrUpdate<MaintenanceJobs>(MaintenanceJobs.RepairId, job => job.RepairAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
