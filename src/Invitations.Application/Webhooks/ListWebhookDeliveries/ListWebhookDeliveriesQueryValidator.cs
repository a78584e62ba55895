using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.Webhooks;

namespace Invitations.Application.Webhooks.ListWebhookDeliveries;

internal sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator()
    {
        RuleFor(q => q.Status).ValidStatus(Enum.GetValues<WebhookDeliveryStatus>());
        RuleFor(q => q.Cursor).Must(c => PageCursor.TryDecode(c, out _)).WithMessage("Cursor is not one this service issued.");
    }
}
