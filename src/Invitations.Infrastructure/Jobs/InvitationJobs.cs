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
        services.AddSingleton<DispatcherHeartbeat>();
        services.AddSingleton<OutboxDepthGauge>();
        services.AddSingleton<IHostedService>(provider => Kicker<EmailDispatchSignal>(
            provider, jobs => jobs.Enqueue<EmailDispatchJob>(job => job.RunAsync(CancellationToken.None))));
        services.AddSingleton<IHostedService>(provider => Kicker<WebhookDispatchSignal>(
            provider, jobs => jobs.Enqueue<WebhookDispatchJob>(job => job.RunAsync(CancellationToken.None))));
        if (!hangfire.ServerEnabled)
        {
            return services;
        }

        // Email and webhook dispatch have workers of their own: a slow maintenance job never holds up the mail, and an
        // endpoint that answers slowly never holds up an email.
        AddServer(services, hangfire.WorkerCount, queue: null);
        AddServer(services, hangfire.EmailWorkerCount, EmailDispatchJob.EmailQueue);
        AddServer(services, hangfire.WebhookWorkerCount, WebhookDispatchJob.WebhookQueue);
        services.AddHostedService<RecurringJobsRegistration>();
        return services;
    }

    private static void AddServer(IServiceCollection services, int workers, string? queue) =>
        services.AddHangfireServer(options =>
        {
            if (queue is not null)
            {
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{queue}:{Guid.NewGuid():N}";
                options.Queues = [queue];
            }

            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            options.WorkerCount = workers;
            options.ShutdownTimeout = TimeSpan.FromSeconds(5);
        });

    private static DispatchKicker Kicker<TSignal>(IServiceProvider provider, Action<IBackgroundJobClient> enqueue)
        where TSignal : DispatchSignal =>
        new(provider.GetRequiredService<TSignal>(), enqueue, provider.GetRequiredService<IBackgroundJobClient>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<DispatchKicker>>());
}
