using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;

namespace Invitations.Application.Invitations.ListInvitations;

internal sealed class ListInvitationsQueryValidator : AbstractValidator<ListInvitationsQuery>
{
    public ListInvitationsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListInvitationsQuery.MaxLimit);
        RuleFor(q => q.Status).ValidStatus(Enum.GetValues<InvitationStatus>());
        // PostgreSQL refuses a NUL in text: without this rule "?email=%00" was a 500.
        RuleFor(q => q.Email).MaximumLength(EmailAddress.MaxLength).WithoutControlCharacters("Email");
        RuleFor(q => q.Cursor).Must(c => PageCursor.TryDecode(c, out _)).WithMessage("Cursor is not one this service issued.");
    }
}
