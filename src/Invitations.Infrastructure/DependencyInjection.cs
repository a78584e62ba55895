using Invitations.Application.Common;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Invitations.EmailOutbox;
using Invitations.Application.Idempotency;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using Invitations.Application.Invitations.ListInvitations;
using Invitations.Application.JoinLinks;
using Invitations.Application.Webhooks;
using Invitations.Application.Webhooks.DispatchWebhooks;
using Invitations.Application.Webhooks.ListWebhookDeliveries;
using Invitations.Application.Workspaces.Seats;
using Invitations.Domain.Invitations;
using Invitations.Infrastructure.Configuration;
using Invitations.Infrastructure.Email;
using Invitations.Infrastructure.Email.Outbox;
using Invitations.Infrastructure.Jobs;
using Invitations.Infrastructure.Persistence;
using Invitations.Infrastructure.Persistence.Creates;
using Invitations.Infrastructure.Persistence.ReadModels;
using Invitations.Infrastructure.Persistence.Seats;
using Invitations.Infrastructure.Persistence.UnitOfWork;
using Invitations.Infrastructure.Security;
using Invitations.Infrastructure.Webhooks;
using MimeKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

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
        services.AddSingleton(EncryptionKeys.Read(configuration));

        services.AddOptions<InvitationOptions>().Bind(configuration.GetSection(InvitationOptions.Section))
            .Validate(o => o.DefaultLifetime > TimeSpan.Zero && o.DefaultLifetime <= InvitationLifetime.Max,
                "Invitations:DefaultLifetime must be more than zero and at most 30.00:00:00 (30 days).")
            .Validate(o => o.DailyLimitPerWorkspace >= 1, "Invitations:DailyLimitPerWorkspace must be at least 1.")
            .Validate(o => o.InviteeRequestsPerMinute >= 1, "Invitations:InviteeRequestsPerMinute must be at least 1.")
            .Validate(o => o.IdempotencyKeyRetention > TimeSpan.Zero && o.IdempotencyKeyRetention <= TimeSpan.FromDays(30),
                "Invitations:IdempotencyKeyRetention must be more than zero and at most 30.00:00:00 (30 days).")
            .Validate(o => Uri.TryCreate(o.FrontendBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                "Invitations:FrontendBaseUrl must be an absolute http or https URL.")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => o.Transport.Equals("Smtp", StringComparison.OrdinalIgnoreCase) || o.Transport.Equals("Directory", StringComparison.OrdinalIgnoreCase),
                "Email:Transport must be Smtp or Directory.")
            .Validate(o => MailboxAddress.TryParse(o.DefaultFrom, out _), "Email:DefaultFrom must be an address such as 'Invitations <no-reply@example.com>'.")
            .Validate(o => o.RetryDelays.All(d => d is >= 0 and <= 7 * 24 * 3600),
                "Email:RetryDelaysSeconds must be whole seconds between 0 and 604800 (7 days).")
            .Validate(o => o.ClaimLease >= TimeSpan.FromSeconds(1) && o.ClaimLease <= TimeSpan.FromHours(1),
                "Email:ClaimLease must be between 00:00:01 and 01:00:00.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.RetryDelays.All(d => d is >= 0 and <= 7 * 24 * 3600),
                "Webhooks:RetryDelaysSeconds must be whole seconds between 0 and 604800 (7 days).")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(o => o.Port is >= 1 and <= 65535, "Smtp:Port must be between 1 and 65535.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(10), "Smtp:Timeout must be more than zero and at most 00:10:00.")
            .ValidateOnStart();
        services.AddSingleton<TimeProvider>(DatabaseClock.Instance);

        services.AddSingleton<CommittedEvents>();
        services.AddSingleton<OutboxInterceptor>();
        services.AddSingleton<WebhookEventsInterceptor>();
        services.AddSingleton<AfterCommitInterceptor>();
        services.AddSingleton<EmailDispatchSignal>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddScoped<IInvitationStore, InvitationStore>();
        services.AddScoped<IJoinQueue, HangfireJoinQueue>();
        services.AddScoped<ISeats, WorkspaceSeats>();
        services.AddScoped<IUserIds, UserIds>();
        services.AddSingleton<UserIdPool>();
        services.AddScoped<IInvitationList, InvitationList>();
        services.AddScoped<ICreateReads, CreateReads>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton<AesGcmSecretProtector>();
        services.AddSingleton<ISecretProtector>(provider => provider.GetRequiredService<AesGcmSecretProtector>());
        services.AddScoped<StoredSecretsUpgrade>();
        services.AddScoped<RememberedResponseUpgrade>();
        services.AddScoped<IExpirySweep, ExpirySweep>();
        services.AddSingleton<WebhookDispatchSignal>();
        services.AddScoped<IWebhookOutbox, WebhookOutbox>();
        services.AddScoped<IWebhookDeliveryList, WebhookDeliveryList>();
        services.AddSingleton<IWebhookUrlPolicy>(provider => new WebhookUrlPolicy(WebhooksAllowPrivate(provider)));
        services.AddSingleton<IWebhookSender>(provider => new WebhookSender(WebhooksAllowPrivate(provider)));
        // Pooled: the options are built once and a context's internal services are reused, not resolved again per request
        // (the profile of a create found building them to be a third of what a request allocated; build/benchmarks.md).
        var invitationsPool = Pool(connectionString, "invitations", database.MaxPoolSize, database.ConnectionTimeoutSeconds);
        services.AddDbContextPool<InvitationsDbContext>((provider, options) => options
            .UseNpgsql(invitationsPool, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .LogRefusalsAtDebug()
            .AddInterceptors(
                provider.GetRequiredService<OutboxInterceptor>(),
                provider.GetRequiredService<WebhookEventsInterceptor>(),
                provider.GetRequiredService<AfterCommitInterceptor>()));
        services.AddScoped<IInvitationsDbContext>(provider => provider.GetRequiredService<InvitationsDbContext>());
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"])
            .AddCheck<DispatchersHealthCheck>("dispatchers", tags: ["ready"]);

        if (string.Equals(configuration["Email:Transport"], "Directory", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailSender, DirectoryEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        services.AddInvitationJobs(
            Pool(connectionString, "invitations-hangfire", hangfire.MaxPoolSize, database.ConnectionTimeoutSeconds), hangfire);
        return services;
    }

    private static bool WebhooksAllowPrivate(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks;

    /// <summary>
    /// A pool of its own (Npgsql keys pools by connection string, so the application name keeps them apart) with this node's
    /// budget for it, whatever the connection string said.
    /// </summary>
    private static string Pool(string connectionString, string applicationName, int maxPoolSize, int timeoutSeconds)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw StartupSettings.Refuse("ConnectionStrings:Invitations", $"is not a valid PostgreSQL connection string: {e.Message}");
        }

        builder.ApplicationName = builder.ApplicationName is { Length: > 0 } name ? $"{name} ({applicationName})" : applicationName;
        builder.MaxPoolSize = maxPoolSize;

        // Nothing here changes session state, so a connection needs no DISCARD ALL on its way back to the pool: the
        // bench counted one per checkout, more than any other statement.
        builder.NoResetOnClose = true;

        // Statements the service runs over and over (the create's, the claims, EF's reads) are prepared on each connection
        // after a few uses: planned once, not on every execution.
        builder.MaxAutoPrepare = builder.MaxAutoPrepare > 0 ? builder.MaxAutoPrepare : 64;
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, maxPoolSize);
        builder.Timeout = timeoutSeconds;
        return builder.ConnectionString;
    }
}
