using Invitations.Application.Common;
using Invitations.Application.Webhooks;
using Invitations.Domain.Invitations;
using Invitations.Infrastructure.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Invitations.Infrastructure.Configuration;

/// <summary>
/// The sections read through the options pipeline, bound and checked at start (<c>ValidateOnStart</c>): a node with a value
/// out of range refuses to start, naming the key, as <see cref="StartupSettings"/> does for the sections composition reads.
/// </summary>
internal static class ValidatedOptions
{
    public static IServiceCollection AddValidatedOptions(this IServiceCollection services, IConfiguration configuration)
    {
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
        return services;
    }
}
