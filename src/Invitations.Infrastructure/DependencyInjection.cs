using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Invitations.Application.Common;
using Invitations.Infrastructure.Email;
using Invitations.Infrastructure.Jobs;
using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invitations.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Invitations")
            ?? throw new InvalidOperationException("ConnectionStrings:Invitations is not configured.");

        services.AddOptions<InvitationOptions>().Bind(configuration.GetSection(InvitationOptions.Section)).ValidateOnStart()
            .Validate(o => o.DefaultLifetime > TimeSpan.Zero && o.DailyLimitPerWorkspace > 0 && o.InviteeRequestsPerMinute > 0,
                "Invitations: lifetime and limits must be positive.");
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton(TimeProvider.System);

        services.AddScoped<DomainEventDispatcher>();
        services.AddDbContext<InvitationsDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention());
        services.AddScoped<IInvitationsDbContext>(provider => provider.GetRequiredService<InvitationsDbContext>());
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        if (string.Equals(configuration["Email:Transport"], "Directory", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailSender, DirectoryEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        services.AddHangfire(connectionString, configuration);
        return services;
    }

    private static void AddHangfire(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        var delays = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.RetryDelays ?? EmailOptions.DefaultRetryDelaysSeconds;
        services.AddScoped<IEmailScheduler, HangfireEmailScheduler>();
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            EnableLongPolling = true,

            // A worker that dies mid-job gives the job back within minutes, not the 30-minute default.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
        };

        // This host's own storage, not the static JobStorage.Current, so that hosts sharing a process stay apart.
        services.AddSingleton<JobStorage>(_ =>
            new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        // Likewise this host's own activator. Hangfire's default is the static JobActivator.Current, which the host that
        // configured Hangfire last has set: with hosts starting side by side, a server could build its jobs from another
        // host's container (and database), so a job "succeeded" without touching its own invitation.
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) =>
        {
            config
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();

            // Here, not at registration: the retry filter takes its logger from Hangfire's process-wide log provider,
            // which Hangfire points at this host's logger factory just before this callback. At registration it
            // may still name an earlier host's factory, disposed by now (several hosts in one test process).
            HangfireSetup.ConfigureRetries(delays);
            config.UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>()));
        });

        if (configuration.GetValue("Hangfire:ServerEnabled", true))
        {
            services.AddHangfireServer(options =>
            {
                options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                options.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", Math.Max(4, Environment.ProcessorCount * 4));
                options.ShutdownTimeout = TimeSpan.FromSeconds(5);
            });
            services.AddHostedService<RecurringJobsRegistration>();
        }
    }
}
