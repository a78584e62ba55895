using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces.CreateWorkspace;

internal sealed class CreateWorkspaceCommandValidator : AbstractValidator<CreateWorkspaceCommand>
{
    public CreateWorkspaceCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Workspace.MaxNameLength).ValidTitle();
        RuleFor(c => c.OwnerEmail).ValidEmail();
        RuleFor(c => c.OwnerFirstName).ValidName();
        RuleFor(c => c.OwnerLastName).ValidName();
    }
}
