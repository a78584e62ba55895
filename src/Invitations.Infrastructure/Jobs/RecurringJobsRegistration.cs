using Hangfire;
using Invitations.Application.Common;
using Invitations.Infrastructure.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Invitations.Infrastructure.Jobs;

/// <summary>Registers the recurring jobs once at start; Hangfire runs each occurrence once across all processes.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IOptions<InvitationOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var cron = options.Value.ExpirySweepCron;
        try
        {
            recurring.AddOrUpdate<MaintenanceJobs>(MaintenanceJobs.ExpireId, job => job.ExpireAsync(CancellationToken.None), cron);
        }
        catch (ArgumentException e)
        {
            throw StartupSettings.Refuse("Invitations:ExpirySweepCron", $"'{cron}' is not a cron expression ({e.InnerException?.Message ?? e.Message}).");
        }

        recurring.AddOrUpdate<MaintenanceJobs>(MaintenanceJobs.RepairId, job => job.RepairAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
