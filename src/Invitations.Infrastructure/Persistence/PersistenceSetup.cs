using Invitations.Application.Common;
using Invitations.Application.Idempotency;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using Invitations.Application.Invitations.ListInvitations;
using Invitations.Application.Webhooks.ListWebhookDeliveries;
using Invitations.Application.Workspaces.Seats;
using Invitations.Infrastructure.Persistence.Creates;
using Invitations.Infrastructure.Persistence.ReadModels;
using Invitations.Infrastructure.Persistence.Seats;
using Invitations.Infrastructure.Persistence.UnitOfWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Infrastructure.Persistence;

internal static class PersistenceSetup
{
    /// <summary>The context on <paramref name="connectionString"/>'s pool with the unit of work's interceptors, and the stores and reads over it.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<CommittedEvents>();
        services.AddSingleton<OutboxInterceptor>();
        services.AddSingleton<WebhookEventsInterceptor>();
        services.AddSingleton<AfterCommitInterceptor>();

        // Pooled: the options are built once and a context's internal services are reused, not resolved again per request
        // (the profile of a create found building them to be a third of what a request allocated; build/benchmarks.md).
        services.AddDbContextPool<InvitationsDbContext>((provider, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .LogRefusalsAtDebug()
            .AddInterceptors(
                provider.GetRequiredService<OutboxInterceptor>(),
                provider.GetRequiredService<WebhookEventsInterceptor>(),
                provider.GetRequiredService<AfterCommitInterceptor>()));
        services.AddScoped<IInvitationsDbContext>(provider => provider.GetRequiredService<InvitationsDbContext>());

        services.AddScoped<IInvitationStore, InvitationStore>();
        services.AddScoped<ISeats, WorkspaceSeats>();
        services.AddScoped<IUserIds, UserIds>();
        services.AddSingleton<UserIdPool>();
        services.AddSingleton<UnheardWorkspaces>();
        services.AddScoped<IInvitationList, InvitationList>();
        services.AddScoped<ICreateReads, CreateReads>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IExpirySweep, ExpirySweep>();
        services.AddScoped<IWebhookDeliveryList, WebhookDeliveryList>();
        return services;
    }
}
