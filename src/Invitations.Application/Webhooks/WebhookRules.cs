using FluentValidation;
using Invitations.Domain.Webhooks;

namespace Invitations.Application.Webhooks;

/// <summary>Field rules the webhook validators share.</summary>
internal static class WebhookRules
{
    public static IRuleBuilderOptions<T, string?> ValidWebhookUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(WebhookEndpoint.MaxUrlLength)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
            .WithMessage("Url must be an absolute https URL.");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidEvents<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(events => events is null || (events.Count > 0 && events.All(e => e is not null && WebhookEventTypes.IsSubscribable(e))))
            .WithMessage($"Events must be a non-empty list of: *, {string.Join(", ", WebhookEventTypes.Subscribable)}.");
}
