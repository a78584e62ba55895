using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using static Invitations.Application.Invitations.CreateInvitation.CreateInvitationCommandValidator;

namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <summary>The request as a whole; each row is checked on its own by the handler, and a bad row fails only itself.</summary>
internal sealed class CreateInvitationsInBulkCommandValidator : AbstractValidator<CreateInvitationsInBulkCommand>
{
    public CreateInvitationsInBulkCommandValidator()
    {
        RuleFor(c => c.Rows).Must(rows => rows.Count is >= 1 and <= CreateInvitationsInBulkCommand.MaxRows)
            .OverridePropertyName("invitations")
            .WithMessage(CreateInvitationsInBulkCommand.RowCountRule);
        RuleFor(c => c.Defaults!.Role)
            .Must(role => role is null || (Roles.TryParse(role, out var parsed) && InvitableRoles.Contains(parsed.Name())))
            .OverridePropertyName("defaults.role")
            .WithMessage($"Role must be one of: {string.Join(", ", InvitableRoles)}.")
            .When(c => c.Defaults is not null);
        RuleFor(c => c.Defaults!.Team).ValidTitle().OverridePropertyName("defaults.team").When(c => c.Defaults is not null);
        RuleFor(c => c.Defaults!.ExpiresInDays).InclusiveBetween(InvitationLifetime.MinDays, InvitationLifetime.MaxDays)
            .OverridePropertyName("defaults.expires_in_days").When(c => c.Defaults is not null);
        RuleFor(c => c.Defaults!.Metadata).ValidMetadata().OverridePropertyName("defaults.metadata").When(c => c.Defaults is not null);
        RuleFor(c => c.Defaults!.Locale).ValidLocale("defaults.locale").OverridePropertyName("defaults.locale").When(c => c.Defaults is not null);
    }
}
