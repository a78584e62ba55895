using System.Globalization;

namespace Invitations.Domain.Workspaces;

/// <summary>
/// A domain rule of an invitation policy: <c>example.com</c> matches that domain only, <c>*.example.com</c> its subdomains at any
/// depth (not itself). Compared label by label on the IDNA (punycode) form, case-insensitively, a trailing dot ignored — so
/// <c>evil-example.com</c> never matches <c>example.com</c>, nor <c>example.com.evil.io</c> <c>*.example.com</c>.
/// </summary>
public sealed record DomainPattern
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    private DomainPattern(string domain, bool subdomains) => (Domain, Subdomains) = (domain, subdomains);

    /// <summary>The domain in its ASCII (punycode), lower-case form.</summary>
    public string Domain { get; }

    public bool Subdomains { get; }

    public override string ToString() => Subdomains ? "*." + Domain : Domain;

    public static bool TryParse(string? text, out DomainPattern pattern)
    {
        pattern = null!;
        var trimmed = text?.Trim() ?? "";
        var subdomains = trimmed.StartsWith("*.", StringComparison.Ordinal);
        if (AsciiDomain(subdomains ? trimmed[2..] : trimmed) is not { } domain || !domain.Contains('.'))
        {
            return false;
        }

        pattern = new DomainPattern(domain, subdomains);
        return true;
    }

    /// <summary>Rules as a request gives them, each once; only for texts that parse (a validator passed them).</summary>
    public static List<DomainPattern> ParseAll(IEnumerable<string>? texts) =>
        (texts ?? []).Select(text => TryParse(text, out var pattern) ? pattern : throw new ArgumentException(text, nameof(texts))).Distinct().ToList();

    public bool Matches(string emailDomain) =>
        AsciiDomain(emailDomain) is { } domain
        && (Subdomains ? domain.EndsWith("." + Domain, StringComparison.Ordinal) : domain == Domain);

    /// <summary>The IDNA ASCII form in lower case without a trailing dot; null when it is no valid host name.</summary>
    public static string? AsciiDomain(string name)
    {
        var trimmed = name.Trim().TrimEnd('.');
        if (trimmed.Length is 0 or > 253 || trimmed.Contains('*'))
        {
            return null;
        }

        try
        {
            return Idn.GetAscii(trimmed.ToLowerInvariant()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
