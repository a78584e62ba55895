using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Invitations.Domain.Common;

/// <summary>A bearer secret: 32 random bytes, base64url. Only <see cref="Hash"/> is ever stored.</summary>
public readonly record struct SecretToken(string Plaintext, string Hash)
{
    public static SecretToken New(string prefix = "")
    {
        var plaintext = prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new SecretToken(plaintext, HashOf(plaintext));
    }

    public static string HashOf(string plaintext) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plaintext)));
}
