using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.Webhooks;

namespace Invitations.Application.Webhooks.CreateWebhook;

internal sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookCommandValidator()
    {
        RuleFor(c => c.Url).NotEmpty().ValidWebhookUrl();
        RuleFor(c => c.Events).ValidEvents();
        RuleFor(c => c.Description).MaximumLength(WebhookEndpoint.MaxDescriptionLength).WithoutControlCharacters("Description");
    }
}
