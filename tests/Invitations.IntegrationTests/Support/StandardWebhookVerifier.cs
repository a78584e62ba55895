using System.Security.Cryptography;
using System.Text;

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// Checks a webhook's signature the way the Standard Webhooks specification tells a receiver to, written here from the
/// specification alone (not with the service's signing code): HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c> keyed with
/// the base64 part of the secret; any one of the space-separated <c>v1,</c> signatures may match; the timestamp must be
/// recent.
/// </summary>
public static class StandardWebhookVerifier
{
    public static bool Verify(string secret, IReadOnlyDictionary<string, string> headers, string body, TimeSpan? tolerance = null)
    {
        if (!headers.TryGetValue("webhook-id", out var id) || !headers.TryGetValue("webhook-timestamp", out var timestamp)
            || !headers.TryGetValue("webhook-signature", out var signatures) || !long.TryParse(timestamp, out var seconds))
        {
            return false;
        }

        if ((DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > (tolerance ?? TimeSpan.FromMinutes(5)))
        {
            return false;
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"))));
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(signature => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), expected));
    }
}
