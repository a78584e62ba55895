using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Invitations.Application.Common;

namespace Invitations.Infrastructure.Security;

/// <summary>
/// AES-256-GCM (<see cref="AesGcm"/>) with a random 96-bit nonce per value, in a self-describing format:
/// <c>version (1) | key id (4) | nonce (12) | ciphertext | tag (16)</c>. The version and key id are authenticated with the
/// purpose, so a value can't be passed off under another key or for another purpose.
/// </summary>
internal sealed partial class AesGcmSecretProtector(EncryptionKeys keys) : ISecretProtector
{
    public const byte Version = 1;
    private const int HeaderSize = 1 + 4;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose)
    {
        var key = keys.Current;
        var value = new byte[HeaderSize + NonceSize + plaintext.Length + TagSize];
        value[0] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(1, 4), key.Id);
        var nonce = value.AsSpan(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Material, TagSize);
        aes.Encrypt(nonce, plaintext, value.AsSpan(HeaderSize + NonceSize, plaintext.Length), value.AsSpan(value.Length - TagSize),
            AssociatedData(value, purpose));
        return value;
    }

    public byte[] Unprotect(ReadOnlySpan<byte> protectedValue, string purpose)
    {
        var key = KeyOf(protectedValue) ?? throw new CryptographicException(IsProtected(protectedValue)
            ? $"The value was encrypted under key id {KeyIdOf(protectedValue):x8}, which is not in {EncryptionKeys.Section}."
            : "The value is not in the protected format.");
        var plaintext = new byte[protectedValue.Length - HeaderSize - NonceSize - TagSize];
        using var aes = new AesGcm(key.Material, TagSize);
        aes.Decrypt(protectedValue.Slice(HeaderSize, NonceSize), protectedValue.Slice(HeaderSize + NonceSize, plaintext.Length),
            protectedValue[^TagSize..], plaintext, AssociatedData(protectedValue, purpose));
        return plaintext;
    }

    /// <summary>Whether <paramref name="value"/> is in this format at all (rather than, say, plaintext from before encryption).</summary>
    public static bool IsProtected(ReadOnlySpan<byte> value) => value.Length >= HeaderSize + NonceSize + TagSize && value[0] == Version;

    public static uint KeyIdOf(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadUInt32BigEndian(value.Slice(1, 4));

    private static byte[] AssociatedData(ReadOnlySpan<byte> value, string purpose) => [.. value[..HeaderSize], .. Encoding.UTF8.GetBytes(purpose)];
}
