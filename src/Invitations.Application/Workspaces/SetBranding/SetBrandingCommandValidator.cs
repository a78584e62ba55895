using System.Text.RegularExpressions;
using FluentValidation;
using Invitations.Application.Common;

namespace Invitations.Application.Workspaces.SetBranding;

internal sealed partial class SetBrandingCommandValidator : AbstractValidator<SetBrandingCommand>
{
    public SetBrandingCommandValidator()
    {
        RuleFor(c => c.SenderEmail).ValidEmail().When(c => c.SenderEmail is not null);
        RuleFor(c => c.SenderEmail).NotEmpty().When(c => c.SenderEmailVerified)
            .WithMessage("A verified sender needs a sender_email.");
        RuleFor(c => c.CustomDomain).Matches(HostName()).When(c => c.CustomDomain is not null)
            .WithMessage("custom_domain must be a host name such as invites.example.com (no scheme, path or port).");
        RuleFor(c => c.CustomDomain).NotEmpty().When(c => c.CustomDomainVerified)
            .WithMessage("A verified domain needs a custom_domain.");

        // Only a language the service ships (or a regional form of one): a default that can't be used would silently be English.
        RuleFor(c => c.DefaultLocale).Cascade(CascadeMode.Stop).ValidLocale("default_locale")
            .Must(tag => tag is null || Languages.Match(tag) is not null)
            .WithMessage($"default_locale must be a language the service ships ({string.Join(", ", Languages.Shipped)}) or a regional form of one, such as de-AT.");
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$")]
    private static partial Regex HostName();
}
