using FluentValidation;
using Invitations.Application.Common;

namespace Invitations.Application.Invitations.ResendInvitation;

internal sealed class ResendInvitationCommandValidator : AbstractValidator<ResendInvitationCommand>
{
    public ResendInvitationCommandValidator() => RuleFor(c => c.Locale).ValidLocale();
}
