using FluentValidation;
using Invitations.Application.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces.InvitationPolicies;

internal sealed class SetInvitationPolicyCommandValidator : AbstractValidator<SetInvitationPolicyCommand>
{
    public SetInvitationPolicyCommandValidator()
    {
        RuleFor(c => c.AllowedDomains).Must(d => d is null || d.Count <= SetInvitationPolicyCommand.MaxDomains)
            .WithMessage($"allowed_domains takes at most {SetInvitationPolicyCommand.MaxDomains} domains.");
        RuleForEach(c => c.AllowedDomains).Must(BeADomainRule).WithMessage((_, text) => Problem("allowed_domains", text));
        RuleFor(c => c.BlockedDomains).Must(d => d is null || d.Count <= SetInvitationPolicyCommand.MaxDomains)
            .WithMessage($"blocked_domains takes at most {SetInvitationPolicyCommand.MaxDomains} domains.");
        RuleForEach(c => c.BlockedDomains).Must(BeADomainRule).WithMessage((_, text) => Problem("blocked_domains", text));
        RuleFor(c => c.MaxExpiresInDays).InclusiveBetween(1, 30).When(c => c.MaxExpiresInDays is not null)
            .WithMessage("max_expires_in_days must be 1 to 30, or null for no cap.");
        RuleForEach(c => c.InviterRoles).ValidRole(Roles.All);
        RuleFor(c => c.InviterRoles).Must(r => r is null || r.Any(name => Roles.TryParse(name, out var role) && role == Role.Owner))
            .WithMessage("inviter_roles must contain owner.");
    }

    private static bool BeADomainRule(string? text) => DomainPattern.TryParse(text, out _);

    private static string Problem(string field, string? text) =>
        $"{field}: '{text}' is not a domain rule; give a DNS name such as example.com, or *.example.com for its subdomains.";
}
