using Invitations.Application.Webhooks;
using Invitations.Application.Webhooks.DispatchWebhooks;
using Invitations.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invitations.Infrastructure.Webhooks;

internal static class WebhookSetup
{
    /// <summary>The outbox the deliveries owed are written to, the signal that wakes its dispatcher, and the sender with its address rules.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<WebhookDispatchSignal>();
        services.AddScoped<IWebhookOutbox, WebhookOutbox>();
        services.AddSingleton<IWebhookUrlPolicy>(provider => new WebhookUrlPolicy(AllowPrivate(provider)));
        services.AddSingleton<IWebhookSender>(provider => new WebhookSender(AllowPrivate(provider)));
        return services;
    }

    private static bool AllowPrivate(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks;
}
