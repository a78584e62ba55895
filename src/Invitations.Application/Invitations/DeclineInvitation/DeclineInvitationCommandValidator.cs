using FluentValidation;
using Invitations.Domain.Invitations;

namespace Invitations.Application.Invitations.DeclineInvitation;

internal sealed class DeclineInvitationCommandValidator : AbstractValidator<DeclineInvitationCommand>
{
    public DeclineInvitationCommandValidator()
    {
        RuleFor(c => c.Token).ValidToken();

        // Counted in characters as a person sees them (code points), as the column's varchar(500) counts them.
        RuleFor(c => c.Reason)
            .Must(r => r is null || r.EnumerateRunes().Count() <= Invitation.MaxDeclineReasonLength)
            .WithMessage($"reason must be at most {Invitation.MaxDeclineReasonLength} characters.")
            .Must(r => r is null || !r.Any(char.IsControl))
            .WithMessage("reason can't contain control characters (line breaks and tabs included).");
    }
}
