using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Invitations.CreateInvitation;

internal sealed class CreateInvitationCommandValidator : AbstractValidator<CreateInvitationCommand>
{
    public static readonly string[] InvitableRoles = Roles.All.Where(r => r != Role.Owner.Name()).ToArray();

    public CreateInvitationCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Role).NotEmpty().WithMessage("Role is required.")
            .DependentRules(() => RuleFor(c => c.Role).Custom((role, context) =>
            {
                var allowed = context.InstanceToValidate.AllowedRoles ?? InvitableRoles;
                if (!Roles.TryParse(role, out var parsed) || !allowed.Contains(parsed.Name()))
                {
                    context.AddFailure($"Role must be one of: {string.Join(", ", allowed)}.");
                }
            }));
        RuleFor(c => c.FirstName).ValidName();
        RuleFor(c => c.LastName).ValidName();
        RuleFor(c => c.Team).ValidTitle();
        RuleFor(c => c.ExpiresInDays).InclusiveBetween(InvitationLifetime.MinDays, InvitationLifetime.MaxDays);
        RuleFor(c => c.Metadata).ValidMetadata();
        RuleFor(c => c.Locale).ValidLocale();
    }
}
