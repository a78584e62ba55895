using FluentValidation;

namespace Invitations.Application.Invitations.LookupInvitation;

internal sealed class LookupInvitationQueryValidator : AbstractValidator<LookupInvitationQuery>
{
    public LookupInvitationQueryValidator() => RuleFor(q => q.Token).ValidToken();
}
