using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Invitations.Infrastructure.Security;

/// <summary>
/// One 256-bit key of <c>Security:EncryptionKeys</c>. Its id, written into every value it encrypts, is derived from the key
/// (an HMAC of a fixed label, so it reveals nothing of the key): no id to configure, and a value names the key it needs.
/// </summary>
internal sealed record EncryptionKey(uint Id, byte[] Material)
{
    public const int Bytes = 32;

    public static EncryptionKey From(byte[] material) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(HMACSHA256.HashData(material, "Invitations encryption key id"u8)), material);

    public string IdText => Id.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
}
