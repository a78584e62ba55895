using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Invitations.Application.Common;

/// <summary>The position after the last item of a page, newest first: (created_at, id), opaque to clients.</summary>
internal sealed record PageCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{CreatedAt.UtcTicks}.{Id:N}"));

    public static bool TryDecode(string? value, out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value));
            var parts = text.Split('.');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParseExact(parts[1], "N", out var id))
            {
                // Only the exact spelling this service writes: the decoder alone would also take whitespace, '+' or '/'.
                var decoded = new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
                cursor = decoded.Encode() == value ? decoded : null;
                return cursor is not null;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
