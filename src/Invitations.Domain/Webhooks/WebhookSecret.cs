using System.Security.Cryptography;

namespace Invitations.Domain.Webhooks;

/// <summary>A signing secret in the Standard Webhooks form: <c>whsec_</c> and 32 random bytes in base64.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
