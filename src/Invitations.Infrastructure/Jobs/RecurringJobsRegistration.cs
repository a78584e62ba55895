using Hangfire;
using Invitations.Application.Common;
using Invitations.Infrastructure.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Invitations.Infrastructure.Jobs;

/// <summary>Registers the recurring jobs once at start; Hangfire runs each occurrence once across all processes.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IOptions<InvitationOptions> options) : IHostedService
{
    /// <summary>
    /// The outbox's safety net: emails whose claim lapsed (a process died mid-batch), or that a node without workers
    /// committed. Every 15 s, so with the 60 s lease a crashed batch goes out again within about 75 s.
    /// </summary>
    public static readonly TimeSpan DispatchPeriod = TimeSpan.FromSeconds(15);

    private static readonly string DispatchCron = $"*/{DispatchPeriod.TotalSeconds:0} * * * * *";

    // Before the outbox every email was its own job, and this one enqueued those whose enqueue was lost.
    private const string RetiredRepairId = "repair-owed-emails";

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

        recurring.AddOrUpdate<EmailDispatchJob>(
            EmailDispatchJob.RecurringId, EmailDispatchJob.EmailQueue, job => job.RunAsync(CancellationToken.None), DispatchCron);
        recurring.AddOrUpdate<WebhookDispatchJob>(
            WebhookDispatchJob.RecurringId, WebhookDispatchJob.WebhookQueue, job => job.RunAsync(CancellationToken.None), DispatchCron);
        recurring.AddOrUpdate<MaintenanceJobs>(
            MaintenanceJobs.PurgeWebhookHistoryId, job => job.PurgeWebhookHistoryAsync(CancellationToken.None), MaintenanceJobs.PurgeWebhookHistoryCron);
        recurring.AddOrUpdate<MaintenanceJobs>(
            MaintenanceJobs.PurgeIdempotencyKeysId, job => job.PurgeIdempotencyKeysAsync(CancellationToken.None), MaintenanceJobs.PurgeIdempotencyKeysCron);
        recurring.RemoveIfExists(RetiredRepairId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
