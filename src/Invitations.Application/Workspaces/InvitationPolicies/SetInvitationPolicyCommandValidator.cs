using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces.InvitationPolicies;

internal sealed class SetInvitationPolicyCommandValidator : AbstractValidator<SetInvitationPolicyCommand>
{
    public SetInvitationPolicyCommandValidator()
    {
        RuleFor(c => c.AllowedDomains).ValidDomainRules("allowed_domains", SetInvitationPolicyCommand.MaxDomains);
        RuleFor(c => c.BlockedDomains).ValidDomainRules("blocked_domains", SetInvitationPolicyCommand.MaxDomains);
        RuleFor(c => c.MaxExpiresInDays).InclusiveBetween(1, 30).When(c => c.MaxExpiresInDays is not null)
            .WithMessage("max_expires_in_days must be 1 to 30, or null for no cap.");
        RuleForEach(c => c.InviterRoles).ValidRole(Roles.All);
        RuleFor(c => c.InviterRoles).Must(r => r is null || r.Any(name => Roles.TryParse(name, out var role) && role == Role.Owner))
            .WithMessage("inviter_roles must contain owner.");
    }
}
