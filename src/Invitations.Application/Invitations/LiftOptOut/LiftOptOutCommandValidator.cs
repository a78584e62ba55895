using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.Common;

namespace Invitations.Application.Invitations.LiftOptOut;

internal sealed class LiftOptOutCommandValidator : AbstractValidator<LiftOptOutCommand>
{
    public LiftOptOutCommandValidator() =>
        RuleFor(c => c.Email).NotEmpty().MaximumLength(EmailAddress.MaxLength).WithoutControlCharacters("Email");
}
