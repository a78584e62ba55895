using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces.AddMember;

internal sealed class AddMemberCommandValidator : AbstractValidator<AddMemberCommand>
{
    public AddMemberCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Role).ValidRole(Roles.All);
        RuleFor(c => c.FirstName).ValidName();
        RuleFor(c => c.LastName).ValidName();
        RuleFor(c => c.Team).ValidTitle();
    }
}
