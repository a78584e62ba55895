using Invitations.Application.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Infrastructure.Security;

internal static class SecuritySetup
{
    /// <summary>The encryption keys (read, and refused if unusable, now), the protector that uses them, and the upgrades of what is stored.</summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(EncryptionKeys.Read(configuration));
        services.AddSingleton<AesGcmSecretProtector>();
        services.AddSingleton<ISecretProtector>(provider => provider.GetRequiredService<AesGcmSecretProtector>());
        services.AddScoped<StoredSecretsUpgrade>();
        services.AddScoped<RememberedResponseUpgrade>();
        return services;
    }
}
