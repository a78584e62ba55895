using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.Common;

namespace Invitations.Application.Invitations.ListInvitations;

internal sealed class ListInvitationsQueryValidator : AbstractValidator<ListInvitationsQuery>
{
    private static readonly string[] Statuses = ["pending", "accepted", "revoked", "expired"];

    public ListInvitationsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListInvitationsQuery.MaxLimit);
        RuleFor(q => q.Status).Must(s => s is null || Statuses.Contains(s))
            .WithMessage($"Status must be one of: {string.Join(", ", Statuses)}.");
        // PostgreSQL refuses a NUL in text: without this rule "?email=%00" was a 500.
        RuleFor(q => q.Email).MaximumLength(EmailAddress.MaxLength)
            .Must(e => e is null || !e.Any(char.IsControl)).WithMessage("Email can't contain control characters.");
        RuleFor(q => q.Cursor).Must(c => PageCursor.TryDecode(c, out _)).WithMessage("Cursor is not one this service issued.");
    }
}
