using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.JoinLinks.CreateJoinLink;

internal sealed class CreateJoinLinkCommandValidator : AbstractValidator<CreateJoinLinkCommand>
{
    public CreateJoinLinkCommandValidator()
    {
        // Any role's name passes here: the link decides whether this caller may give it (owner never; nothing above their own).
        RuleFor(c => c.Role).NotEmpty().WithMessage("Role is required.").ValidRole(Roles.All);
        RuleFor(c => c.Team).ValidTitle();
        RuleFor(c => c.MaxUses).InclusiveBetween(1, JoinLink.MaxUsesLimit).WithMessage($"max_uses must be 1 to {JoinLink.MaxUsesLimit}, or absent for no limit.");
        RuleFor(c => c.ExpiresInDays).InclusiveBetween(JoinLink.MinDays, JoinLink.MaxDays)
            .WithMessage($"expires_in_days must be {JoinLink.MinDays} to {JoinLink.MaxDays}.");
        RuleFor(c => c.AllowedDomains).ValidDomainRules("allowed_domains", CreateJoinLinkCommand.MaxDomains);
        RuleFor(c => c.Description).MaximumLength(JoinLink.MaxDescriptionLength).WithoutControlCharacters("Description");
    }
}
