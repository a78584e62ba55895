using System.Buffers;
using System.Globalization;
using System.Text;

namespace Invitations.Domain.Common;

/// <summary>What counts as an invisible character in an address.</summary>
public sealed partial record EmailAddress
{
    // Combining grapheme joiner, Hangul fillers, braille blank, Khmer inherent vowels, Mongolian free variation selectors.
    private static readonly HashSet<int> BlankLetters = [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F, 0x2800, 0x3164, 0xFFA0];

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
