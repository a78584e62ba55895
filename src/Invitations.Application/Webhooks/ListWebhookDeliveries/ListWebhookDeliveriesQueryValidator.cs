using FluentValidation;
using Invitations.Application.Common;

namespace Invitations.Application.Webhooks.ListWebhookDeliveries;

internal sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public static readonly string[] Statuses = ["pending", "succeeded", "failed"];

    public ListWebhookDeliveriesQueryValidator()
    {
        RuleFor(q => q.Status).Must(s => s is null || Statuses.Contains(s))
            .WithMessage($"Status must be one of: {string.Join(", ", Statuses)}.");
        RuleFor(q => q.Cursor).Must(c => PageCursor.TryDecode(c, out _)).WithMessage("Cursor is not one this service issued.");
    }
}
