using System.Diagnostics.Metrics;
using FluentValidation;
using Invitations.Application.Common;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddLocalization();
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));

        // MediatR 5 has no registration helper for Microsoft's container: one scan finds handlers and validators.
        var contracts = new[] { typeof(IRequestHandler<,>), typeof(IValidator<>) };
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && contracts.Contains(i.GetGenericTypeDefinition())))
            {
                // Validators hold only their rules (no dependencies), so one of each serves every request; building the
                // rules again per request showed in the create path's profile.
                if (contract.GetGenericTypeDefinition() == typeof(IValidator<>))
                {
                    services.AddSingleton(contract, type);
                }
                else
                {
                    services.AddTransient(contract, type);
                }
            }
        }

        services.AddScoped<Workspaces.IWorkspaceDirectory, Workspaces.WorkspaceDirectory>();
        services.AddSingleton<Invitations.EmailOutbox.EmailDispatchObserver>();
        services.AddSingleton<Invitations.CreateInvitation.DailyLimitGauge>();
        // The host's meter factory where there is one (so its listeners see the meter); a bare container gets its own meter.
        services.AddSingleton(provider => new InvitationMetrics(
            provider.GetService<IMeterFactory>()?.Create(InvitationMetrics.MeterName) ?? new Meter(InvitationMetrics.MeterName)));
        return services;
    }
}
