namespace Invitations.Domain.Common;

/// <summary>
/// An email address as a person typed it (<see cref="Value"/>, trimmed) and as an identity
/// (<see cref="Normalized"/>, lower-cased). Deliberately strict: one bare address, nothing that could
/// smuggle a second recipient or a header into a message.
/// </summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value)
    {
        Value = value;
        Normalized = value.ToLowerInvariant();
    }

    public string Value { get; }

    public string Normalized { get; }

    public static EmailAddress Create(string? input) =>
        TryCreate(input, out var email, out var problem)
            ? email
            : throw new DomainException(ErrorCodes.Validation, problem);

    public static bool IsValid(string? input) => TryCreate(input, out _, out _);

    public static string Normalize(string input) => input.Trim().ToLowerInvariant();

    public static bool TryCreate(string? input, out EmailAddress email, out string problem)
    {
        email = null!;
        problem = Check(input?.Trim());
        if (problem.Length > 0)
        {
            return false;
        }

        email = new EmailAddress(input!.Trim());
        return true;
    }

    private static string Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "Email is required.";
        }

        if (value.Length > MaxLength)
        {
            return $"Email must be at most {MaxLength} characters.";
        }

        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "Email must be a single address without spaces or control characters.";
        }

        if (value.IndexOfAny(['<', '>', ',', ';', '"', '(', ')', '[', ']', '\\']) >= 0)
        {
            return "Email must be a bare address such as name@example.com, not a display name or a list.";
        }

        var at = value.LastIndexOf('@');
        if (at <= 0 || value.IndexOf('@') != at)
        {
            return "Email must contain exactly one '@' with a name before it.";
        }

        // RFC 5322 dot-atom: a mail server may refuse such a name, and the invitee would never get the link.
        var local = value[..at];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains(".."))
        {
            return "Email name part can't start or end with a dot or contain two dots in a row.";
        }

        var domain = value[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains(".."))
        {
            return "Email domain must be a name with a dot, such as example.com.";
        }

        return "";
    }
}
