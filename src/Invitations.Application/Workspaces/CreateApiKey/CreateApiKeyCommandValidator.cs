using FluentValidation;

namespace Invitations.Application.Workspaces.CreateApiKey;

internal sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator() => RuleFor(c => c.UserId).NotNull().GreaterThan(0);
}
