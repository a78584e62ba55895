using System.Text;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// Text that came from outside (a receiver's answer, an error about it) made fit to store and to show: PostgreSQL refuses
/// NUL in text, and Npgsql refuses a lone surrogate, so one such answer would fail the statement that records a whole pass.
/// Control characters become spaces, what is not valid UTF-16 becomes U+FFFD, and the length is bounded without splitting a
/// surrogate pair.
/// </summary>
internal static class StoredText
{
    public static string? Clean(string? text, int maxLength)
    {
        if (text is null)
        {
            return null;
        }

        var clean = new StringBuilder(Math.Min(text.Length, maxLength));
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes()) // a lone surrogate comes out as U+FFFD
        {
            if (clean.Length + rune.Utf16SequenceLength > maxLength)
            {
                break;
            }

            clean.Append(utf16[..(Rune.IsControl(rune) ? new Rune(' ') : rune).EncodeToUtf16(utf16)]);
        }

        return clean.ToString();
    }
}
