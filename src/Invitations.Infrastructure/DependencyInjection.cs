using Invitations.Application.JoinLinks;
using Invitations.Infrastructure.Configuration;
using Invitations.Infrastructure.Email;
using Invitations.Infrastructure.Jobs;
using Invitations.Infrastructure.Persistence;
using Invitations.Infrastructure.Security;
using Invitations.Infrastructure.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Infrastructure;

public static class DependencyInjection
{
    private const int MaxConnectionTimeoutSeconds = 60;

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Invitations") is { Length: > 0 } configured
            ? configured
            : throw StartupSettings.Refuse("ConnectionStrings:Invitations", "is required: the PostgreSQL connection string.");
        var database = StartupSettings.Read<DatabaseOptions>(configuration, DatabaseOptions.Section,
            (o => o.MaxPoolSize is >= 1 and <= 1000, "Database:MaxPoolSize must be between 1 and 1000."),
            (o => o.ConnectionTimeoutSeconds is >= 1 and <= MaxConnectionTimeoutSeconds,
                $"Database:ConnectionTimeoutSeconds must be between 1 and {MaxConnectionTimeoutSeconds}."));
        var hangfire = StartupSettings.Read<HangfireOptions>(configuration, HangfireOptions.Section,
            (o => o.WorkerCount is >= 1 and <= 1000, "Hangfire:WorkerCount must be between 1 and 1000."),
            (o => o.EmailWorkerCount is >= 1 and <= 100, "Hangfire:EmailWorkerCount must be between 1 and 100."),
            (o => o.WebhookWorkerCount is >= 1 and <= 100, "Hangfire:WebhookWorkerCount must be between 1 and 100."),
            (o => o.MaxPoolSize is >= 1 and <= 1000, "Hangfire:MaxPoolSize must be between 1 and 1000."));
        services.AddSecurity(configuration);
        services.AddValidatedOptions(configuration);
        services.AddSingleton<TimeProvider>(DatabaseClock.Instance);

        services.AddPersistence(
            ConnectionPools.Dedicated(connectionString, "invitations", database.MaxPoolSize, database.ConnectionTimeoutSeconds));
        services.AddEmail(configuration);
        services.AddWebhooks();
        services.AddScoped<IJoinQueue, HangfireJoinQueue>();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"])
            .AddCheck<DispatchersHealthCheck>("dispatchers", tags: ["ready"]);
        services.AddInvitationJobs(
            ConnectionPools.Dedicated(connectionString, "invitations-hangfire", hangfire.MaxPoolSize, database.ConnectionTimeoutSeconds),
            hangfire);
        return services;
    }
}
