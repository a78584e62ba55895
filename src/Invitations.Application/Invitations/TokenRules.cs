using FluentValidation;

namespace Invitations.Application.Invitations;

internal static class TokenRules
{
    /// <summary>Generous bounds: a real token is 43 characters; anything else simply won't be found.</summary>
    public static IRuleBuilderOptions<T, string?> ValidToken<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Token is required.").MaximumLength(200);
}
