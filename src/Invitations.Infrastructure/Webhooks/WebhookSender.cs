using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Invitations.Application.Webhooks;
using Invitations.Domain.Webhooks;
using StandardWebhooks;

namespace Invitations.Infrastructure.Webhooks;

/// <summary>
/// Posts one webhook, signed per Standard Webhooks with every current secret. One attempt, bounded: redirects are not
/// followed, the whole exchange has <see cref="DefaultTimeout"/>, and a short excerpt of the response is kept
/// (<see cref="ResponseExcerpt"/>). Whatever the receiver does comes back as an attempt, never as an exception. Unless private networks are allowed, only https to public addresses:
/// the addresses DNS gives at connect time are checked, so a name that later resolves inward is still refused.
/// </summary>
internal sealed class WebhookSender : IWebhookSender, IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly bool _allowPrivateNetworks;
    private readonly TimeSpan _timeout;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly HttpClient _http;

    public WebhookSender(bool allowPrivateNetworks, TimeSpan? timeout = null, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        _allowPrivateNetworks = allowPrivateNetworks;
        _timeout = timeout ?? DefaultTimeout;
        _resolve = resolve ?? Dns.GetHostAddressesAsync;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 64,
            ConnectCallback = ConnectAsync,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Invitations-Webhooks/1.0");
    }

    public async Task<WebhookAttempt> SendAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        int Elapsed() => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!_allowPrivateNetworks && message.Url.Scheme != Uri.UriSchemeHttps)
        {
            return new WebhookAttempt(null, "refused: the URL is not https", Elapsed(), null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var request = Sign(message);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ResponseExcerpt.ReadAsync(response.Content, timeout.Token);
            return new WebhookAttempt((int)response.StatusCode, null, Elapsed(), excerpt);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, $"timed out after {_timeout.TotalSeconds:0.#} s", Elapsed(), null);
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttempt(null, Describe(e), Elapsed(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything else one receiver causes is that attempt's error, never the whole dispatch pass's.
            return new WebhookAttempt(null, $"request failed: {e.GetType().Name}", Elapsed(), null);
        }
    }

    private static HttpRequestMessage Sign(WebhookMessage message)
    {
        var signatures = string.Join(' ', message.Secrets.Select(secret =>
            new StandardWebhook(Convert.FromBase64String(secret[WebhookSecret.Prefix.Length..])).Sign(message.EventId, message.Timestamp, message.Body)));
        var request = new HttpRequestMessage(HttpMethod.Post, message.Url)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", message.EventId);
        request.Headers.Add("webhook-timestamp", message.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signatures);
        return request;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await _resolve(host, cancellationToken);
        if (!_allowPrivateNetworks && (WebhookAddressRules.IsRefusedName(host) || addresses.Length == 0 || !addresses.All(WebhookAddressRules.IsPublic)))
        {
            throw new WebhookAddressRefusedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Describe(HttpRequestException e) => e switch
    {
        { InnerException: WebhookAddressRefusedException refused } => refused.Message,
        { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name could not be resolved",
        { InnerException: SocketException socket } => $"connection failed: {socket.SocketErrorCode}",
        _ => $"request failed: {e.HttpRequestError}",
    };

    public void Dispose() => _http.Dispose();
}
