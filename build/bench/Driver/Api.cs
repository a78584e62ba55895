using System.Diagnostics;
using System.Net;
using System.Text;

namespace Bench;

/// <summary>POSTs native creates the way a client would: one pooled HttpClient, JSON bodies, x-api-key.</summary>
internal sealed class Api(string baseUrl, string workspaceId, string apiKey, int connections) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Status code (0 for a transport error) and the time the response arrived.</summary>
    public async Task<(int Status, DateTimeOffset At, double Milliseconds)> CreateAsync(string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/workspaces/{workspaceId}/invitations")
        {
            Content = new StringContent($$"""{"email":"{{email}}","role":"teammate","send_email":true}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", apiKey);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync(); // The whole answer, as wrk counts it.
            return ((int)response.StatusCode, DateTimeOffset.UtcNow, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, DateTimeOffset.UtcNow, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public static bool IsCreated(int status) => status == (int)HttpStatusCode.Created;

    public void Dispose() => _http.Dispose();
}
