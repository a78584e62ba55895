using FluentValidation;
using Invitations.Application.Common;

namespace Invitations.Application.Workspaces.AddTeam;

internal sealed class AddTeamCommandValidator : AbstractValidator<AddTeamCommand>
{
    public AddTeamCommandValidator() => RuleFor(c => c.Title).NotEmpty().ValidTitle();
}
