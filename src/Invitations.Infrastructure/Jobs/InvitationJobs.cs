using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Invitations.Infrastructure.Jobs;

internal static class InvitationJobs
{
    /// <summary>Hangfire on PostgreSQL (schema <c>hangfire</c>, its own pool), and this node's job servers unless turned off.</summary>
    public static IServiceCollection AddInvitationJobs(this IServiceCollection services, string connectionString, HangfireOptions hangfire)
    {
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseEmailMetrics()
            .UsePostgreSqlStorage(storage => storage.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                QueuePollInterval = TimeSpan.FromSeconds(1),

                // Long polling holds one LISTEN connection per idle worker: the whole pool, on a node with many workers.
                EnableLongPolling = false,

                // A worker that dies mid-job gives the job back within minutes, not the 30-minute default.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
            }));
        services.AddSingleton<IHostedService>(provider => Kicker<EmailDispatchSignal>(
            provider, jobs => jobs.Enqueue<EmailDispatchJob>(job => job.RunAsync(CancellationToken.None))));
        services.AddSingleton<IHostedService>(provider => Kicker<WebhookDispatchSignal>(
            provider, jobs => jobs.Enqueue<WebhookDispatchJob>(job => job.RunAsync(CancellationToken.None))));
        if (!hangfire.ServerEnabled)
        {
            return services;
        }

        services.AddHangfireServer(options =>
        {
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            options.WorkerCount = hangfire.WorkerCount;
            options.ShutdownTimeout = TimeSpan.FromSeconds(5);
        });

        // Email dispatch has workers of its own, so a slow maintenance job never holds up the mail.
        services.AddHangfireServer(options =>
        {
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:emails:{Guid.NewGuid():N}";
            options.Queues = [EmailDispatchJob.EmailQueue];
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            options.WorkerCount = hangfire.EmailWorkerCount;
            options.ShutdownTimeout = TimeSpan.FromSeconds(5);
        });

        // So do webhooks: one endpoint that answers slowly never holds up an email.
        services.AddHangfireServer(options =>
        {
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:webhooks:{Guid.NewGuid():N}";
            options.Queues = [WebhookDispatchJob.WebhookQueue];
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            options.WorkerCount = hangfire.WebhookWorkerCount;
            options.ShutdownTimeout = TimeSpan.FromSeconds(5);
        });
        services.AddHostedService<RecurringJobsRegistration>();
        return services;
    }

    private static DispatchKicker Kicker<TSignal>(IServiceProvider provider, Action<IBackgroundJobClient> enqueue)
        where TSignal : DispatchSignal =>
        new(provider.GetRequiredService<TSignal>(), enqueue, provider.GetRequiredService<IBackgroundJobClient>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<DispatchKicker>>());
}
