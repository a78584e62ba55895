using FluentValidation;

namespace Invitations.Application.Webhooks.UpdateWebhook;

internal sealed class UpdateWebhookCommandValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookCommandValidator()
    {
        RuleFor(c => c.Url).ValidWebhookUrl().When(c => c.Url is not null);
        RuleFor(c => c.Events).ValidEvents();
    }
}
