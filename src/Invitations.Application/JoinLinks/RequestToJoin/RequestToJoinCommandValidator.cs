using FluentValidation;
using Invitations.Application.Common;
using Invitations.Application.Invitations;

namespace Invitations.Application.JoinLinks.RequestToJoin;

internal sealed class RequestToJoinCommandValidator : AbstractValidator<RequestToJoinCommand>
{
    public RequestToJoinCommandValidator()
    {
        RuleFor(c => c.Token).ValidToken();
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.FirstName).ValidName();
        RuleFor(c => c.LastName).ValidName();
        RuleFor(c => c.Locale).ValidLocale();
    }
}
