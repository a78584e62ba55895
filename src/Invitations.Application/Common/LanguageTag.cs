using System.Text.RegularExpressions;

namespace Invitations.Application.Common;

/// <summary>
/// Whether a text is a well-formed BCP 47 language tag (RFC 5646's <c>langtag</c> or a private-use tag): well-formed, not
/// necessarily one this service ships (<see cref="Languages"/> falls back from those).
/// </summary>
public static partial class LanguageTag
{
    public const int MaxLength = 64;

    public const string Rule = "must be a BCP 47 language tag such as de, pt-BR or de-AT";

    public static bool IsWellFormed(string? tag) => tag is { Length: > 0 and <= MaxLength } && Grammar().IsMatch(tag);

    // language (2-3 letters with up to three extensions, or 4-8), script, region, variants, extensions, private use.
    [GeneratedRegex(
        @"^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*" +
        @"(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?|x(?:-[a-z0-9]{1,8})+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
