using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Invitations.Application.Webhooks;

namespace Invitations.Infrastructure.Webhooks;

// TEMPORARY: replaced by the t15-http branch's implementation at merge.
internal sealed class WebhookUrlPolicy(bool allowPrivateNetworks) : IWebhookUrlPolicy
{
    public Task<string?> RefusalAsync(string url, CancellationToken cancellationToken) =>
        Task.FromResult(Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == "https" || (allowPrivateNetworks && u.Scheme == "http"))
            && (allowPrivateNetworks || !(u.IsLoopback || u.Host.StartsWith("10.", StringComparison.Ordinal) || u.Host.StartsWith("169.254.", StringComparison.Ordinal)))
            ? null
            : "Webhook URLs must use https and must not resolve to a private address.");
}

internal sealed class WebhookSender(bool allowPrivateNetworks, TimeProvider clock, TimeSpan? timeout = null) : IWebhookSender, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = timeout ?? TimeSpan.FromSeconds(10) };

    public async Task<WebhookAttempt> SendAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        _ = allowPrivateNetworks;
        var started = Stopwatch.GetTimestamp();
        var timestamp = message.Timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url) { Content = new StringContent(message.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", message.EventId);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", string.Join(' ', message.Secrets.Select(s =>
            "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(s["whsec_".Length..]), Encoding.UTF8.GetBytes($"{message.EventId}.{timestamp}.{message.Body}"))))));
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            return new WebhookAttempt((int)response.StatusCode, null, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _ = clock;
            return new WebhookAttempt(null, e.Message, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
        }
    }

    public void Dispose() => _http.Dispose();
}
