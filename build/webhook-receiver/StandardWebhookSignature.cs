using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookReceiver;

/// <summary>
/// The Standard Webhooks check, written from the specification: the signature is the base64 HMAC-SHA256 of
/// "{webhook-id}.{webhook-timestamp}.{body}", keyed with the bytes after "whsec_"; several may be sent, space-separated.
/// </summary>
internal static class StandardWebhookSignature
{
    public const string Verified = "signature verified";

    /// <summary>Older timestamps are refused, so a captured request can't be replayed later.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Check(string secret, IHeaderDictionary headers, byte[] body, DateTimeOffset now)
    {
        var id = headers["webhook-id"].ToString();
        var timestamp = headers["webhook-timestamp"].ToString();
        var signatures = headers["webhook-signature"].ToString();
        if (id.Length == 0 || signatures.Length == 0 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "NOT SIGNED (webhook-id, webhook-timestamp or webhook-signature missing)";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return "SIGNATURE REFUSED: webhook-timestamp is more than 5 minutes away";
        }

        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => s.StartsWith("v1,", StringComparison.Ordinal) && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), expected))
            ? Verified
            : "SIGNATURE DOES NOT MATCH (is --secret this endpoint's secret?)";
    }
}
