namespace Invitations.Domain.Common;

/// <summary>What makes an address acceptable: each rule it can break, with the message that names it.</summary>
public sealed partial record EmailAddress
{
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

        if (HasInvisibleCharacter(value))
        {
            return "Email can't contain invisible characters (such as zero-width spaces, joiners or direction marks).";
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
