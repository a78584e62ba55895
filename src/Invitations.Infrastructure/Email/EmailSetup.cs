using Invitations.Application.Common;
using Invitations.Application.Invitations.EmailOutbox;
using Invitations.Infrastructure.Email.Outbox;
using Invitations.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Infrastructure.Email;

internal static class EmailSetup
{
    /// <summary>The outbox the emails owed are written to, the signal that wakes its dispatcher, and the transport (Email:Transport).</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<EmailDispatchSignal>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        if (string.Equals(configuration["Email:Transport"], "Directory", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailSender, DirectoryEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        return services;
    }
}
