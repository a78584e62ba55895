using FluentValidation;
using Invitations.Application.Invitations;

namespace Invitations.Application.JoinLinks.LookupJoinLink;

internal sealed class LookupJoinLinkQueryValidator : AbstractValidator<LookupJoinLinkQuery>
{
    public LookupJoinLinkQueryValidator() => RuleFor(q => q.Token).ValidToken();
}
