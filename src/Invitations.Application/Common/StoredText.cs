using System.Text;

namespace Invitations.Application.Common;

/// <summary>
/// Text from outside (an SMTP server's reply, a receiver's answer) made fit to store and show: no NUL or other control
/// characters (PostgreSQL refuses NUL in text), no broken surrogate pairs, and at most <c>maxLength</c> characters.
/// </summary>
public static class StoredText
{
    public static string? Clean(string? text, int maxLength)
    {
        if (text is null)
        {
            return null;
        }

        var clean = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var rune in text.EnumerateRunes())
        {
            if (clean.Length + rune.Utf16SequenceLength > maxLength)
            {
                break;
            }

            clean.Append(Rune.IsControl(rune) ? (rune.Value is '\n' or '\r' or '\t' ? ' ' : '\uFFFD') : rune.ToString());
        }

        return clean.ToString();
    }
}
