using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces.CreateWorkspace;

internal sealed class CreateWorkspaceCommandValidator : AbstractValidator<CreateWorkspaceCommand>
{
    public CreateWorkspaceCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Workspace.MaxNameLength).ValidTitle();
        // Named as the request nests them (owner.email): a caller who left out `owner` is told which field is missing.
        RuleFor(c => c.OwnerEmail).ValidEmail().OverridePropertyName("Owner.Email");
        RuleFor(c => c.OwnerFirstName).ValidName().OverridePropertyName("Owner.FirstName");
        RuleFor(c => c.OwnerLastName).ValidName().OverridePropertyName("Owner.LastName");
    }
}
