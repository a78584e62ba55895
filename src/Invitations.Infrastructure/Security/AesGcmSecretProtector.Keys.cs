namespace Invitations.Infrastructure.Security;

/// <summary>What the upgrades of stored values ask (<see cref="StoredSecretsUpgrade"/>): which key made a value, and the value under the current key.</summary>
internal sealed partial class AesGcmSecretProtector
{
    /// <summary>The configured key that made <paramref name="value"/>; null when none of them did (or it is not protected).</summary>
    public EncryptionKey? KeyOf(ReadOnlySpan<byte> value)
    {
        if (!IsProtected(value))
        {
            return null;
        }

        var id = KeyIdOf(value);
        return keys.All.FirstOrDefault(k => k.Id == id);
    }

    public uint CurrentKeyId => keys.Current.Id;

    /// <summary>
    /// <paramref name="value"/> encrypted again under the current key; null when it already is, or when no configured key made it
    /// (its key id is then added to <paramref name="unreadable"/>).
    /// </summary>
    public byte[]? Reprotect(byte[] value, string purpose, List<uint> unreadable)
    {
        if (IsProtected(value) && KeyIdOf(value) == keys.Current.Id)
        {
            return null;
        }

        if (KeyOf(value) is null)
        {
            unreadable.Add(IsProtected(value) ? KeyIdOf(value) : 0);
            return null;
        }

        return Protect(Unprotect(value, purpose), purpose);
    }
}
