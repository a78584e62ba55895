using System.Text;

namespace Invitations.Application.Common;

/// <summary>Protected text for a text column: the protected bytes in base64.</summary>
public static class SecretProtectorText
{
    public static string ProtectText(this ISecretProtector protector, string plaintext, string purpose) =>
        Convert.ToBase64String(protector.Protect(Encoding.UTF8.GetBytes(plaintext), purpose));

    public static string UnprotectText(this ISecretProtector protector, string protectedText, string purpose) =>
        Encoding.UTF8.GetString(protector.Unprotect(Convert.FromBase64String(protectedText), purpose));
}
