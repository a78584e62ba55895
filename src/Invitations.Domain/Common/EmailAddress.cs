using System.Buffers;
using System.Globalization;
using System.Text;

namespace Invitations.Domain.Common;

/// <summary>
/// An email address as a person typed it (<see cref="Value"/>, trimmed) and as an identity
/// (<see cref="Normalized"/>, lower-cased). Deliberately strict: one bare address, nothing that could
/// smuggle a second recipient or a header into a message.
/// </summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;

    // Combining grapheme joiner, Hangul fillers, braille blank, Khmer inherent vowels, Mongolian free variation selectors.
    private static readonly HashSet<int> BlankLetters = [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F, 0x2800, 0x3164, 0xFFA0];

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
            : throw new DomainException(ErrorCodes.InvalidEmail, problem);

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

    /// <summary>
    /// Characters that display as nothing, so that two different addresses would look the same: format characters (zero-width
    /// spaces and joiners, bidirectional controls, BOM, soft hyphen), blank letters, variation selectors, and anything that is
    /// not a character at all (lone surrogates, private use, unassigned).
    /// </summary>
    private static bool HasInvisibleCharacter(string value)
    {
        for (var i = 0; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var used) != OperationStatus.Done)
            {
                return true;
            }

            i += used;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                || BlankLetters.Contains(rune.Value)
                || rune.Value is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF)
            {
                return true;
            }
        }

        return false;
    }
}
