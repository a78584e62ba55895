using System.Globalization;

namespace Invitations.Application.Common;

/// <summary>
/// The languages the email and the acceptance page are written in, and which one a person gets (contract §11): the first
/// shipped of the invitation's tag (or a shorter form of it: <c>de-AT</c> → <c>de</c>), the workspace's default, English.
/// </summary>
public static class Languages
{
    public const string Default = "en";

    /// <summary>One resource file per language beside each of its texts (docs/invitee-choices.md says how to add one).</summary>
    public static readonly IReadOnlyList<string> Shipped = ["en", "de", "fr", "es", "pt-BR"];

    /// <summary>The shipped language <paramref name="tag"/> names, itself or by dropping subtags from the end (RFC 4647 lookup).</summary>
    public static string? Match(string? tag)
    {
        for (var candidate = tag?.Trim() ?? ""; candidate.Length > 0; candidate = candidate[..Math.Max(0, candidate.LastIndexOf('-'))])
        {
            if (Shipped.FirstOrDefault(l => l.Equals(candidate, StringComparison.OrdinalIgnoreCase)) is { } shipped)
            {
                return shipped;
            }
        }

        return null;
    }

    /// <summary>The language of an invitation asked for in <paramref name="tag"/> (or none) in a workspace defaulting to <paramref name="workspaceDefault"/>.</summary>
    public static string For(string? tag, string? workspaceDefault) => Match(tag) ?? Match(workspaceDefault) ?? Default;

    /// <summary>The first of a browser's languages (most preferred first) that is shipped, if any.</summary>
    public static string? Negotiate(IEnumerable<string> preferred) => preferred.Select(Match).FirstOrDefault(l => l is not null);

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language);

    /// <summary>
    /// How dates are written for <paramref name="language"/>: the way the asked-for <paramref name="tag"/>'s region writes them
    /// when it is a known form of that language (en-GB, de-AT), else the way the language itself does.
    /// </summary>
    public static CultureInfo DateCulture(string language, string? tag)
    {
        if (tag is not null && Match(tag) == language)
        {
            try
            {
                return CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
            }
        }

        return Culture(language);
    }

    /// <summary>Runs <paramref name="work"/> with <paramref name="language"/> as the UI culture, which resource lookups read.</summary>
    public static T In<T>(string language, Func<T> work)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Culture(language);
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
