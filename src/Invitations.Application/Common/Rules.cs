using System.Text.Json;
using FluentValidation;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Common;

/// <summary>Field rules shared by the validators, so every route rejects the same input with the same words.</summary>
internal static class Rules
{
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(EmailAddress.IsValid).WithMessage((_, value) => Problem(value));

    private static string Problem(string? value) =>
        EmailAddress.TryCreate(value, out _, out var problem) ? "" : problem;

    public static IRuleBuilderOptions<T, string?> ValidRole<T>(this IRuleBuilder<T, string?> rule, IReadOnlyCollection<string> allowed) =>
        rule.Must(r => Roles.TryParse(r, out var role) && allowed.Contains(role.Name()))
            .WithMessage($"Role must be one of: {string.Join(", ", allowed)}.");

    public static IRuleBuilderOptions<T, string?> ValidName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(PersonName.MaxLength).Must(NoControlCharacters).WithMessage("Names can't contain control characters.");

    public static IRuleBuilderOptions<T, string?> ValidTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Team.MaxTitleLength).Must(NoControlCharacters).WithMessage("Titles can't contain control characters.");

    /// <summary>Absent, or one of <paramref name="statuses"/> as responses write them (lower case).</summary>
    public static IRuleBuilderOptions<T, string?> ValidStatus<T, TStatus>(this IRuleBuilder<T, string?> rule, TStatus[] statuses)
        where TStatus : struct, Enum
    {
        var names = statuses.Select(s => s.LowerCaseName()).ToArray();
        return rule.Must(s => s is null || names.Contains(s)).WithMessage($"Status must be one of: {string.Join(", ", names)}.");
    }

    /// <summary>Absent, or a well-formed BCP 47 tag (one not shipped falls back, contract §11).</summary>
    public static IRuleBuilderOptions<T, string?> ValidLocale<T>(this IRuleBuilder<T, string?> rule, string field = "locale") =>
        rule.Must(tag => tag is null || LanguageTag.IsWellFormed(tag)).WithMessage($"{field} {LanguageTag.Rule}.");

    /// <summary>Absent, or an object within <see cref="Metadata"/>'s rules; the message names the rule broken.</summary>
    public static IRuleBuilderOptions<T, JsonElement?> ValidMetadata<T>(this IRuleBuilder<T, JsonElement?> rule) =>
        rule.Must(given => Metadata.Problem(given, out _) is null).WithMessage((_, given) => Metadata.Problem(given, out var _) ?? "");

    /// <summary>Absent, or at most <paramref name="most"/> domain rules (<c>example.com</c>, <c>*.example.com</c>), naming any that is not one.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidDomainRules<T>(
        this IRuleBuilder<T, IReadOnlyList<string>?> rule, string field, int most) =>
        rule.Must(rules => rules is null || rules.Count <= most).WithMessage($"{field} takes at most {most} domains.")
            .Must(rules => rules is null || rules.All(text => DomainPattern.TryParse(text, out _)))
            .WithMessage((command, rules) =>
                $"{field}: '{rules!.First(text => !DomainPattern.TryParse(text, out _))}' is not a domain rule; give a DNS name such as " +
                "example.com, or *.example.com for its subdomains.");

    public static IRuleBuilderOptions<T, string?> WithoutControlCharacters<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(NoControlCharacters).WithMessage($"{field} can't contain control characters.");

    private static bool NoControlCharacters(string? value) => value is null || !value.Any(char.IsControl);
}
