using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Invitations.IntegrationTests.Support;

/// <summary>One webhook request as the receiver got it; header names in lower case.</summary>
public sealed record ReceivedWebhook(
    string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt, int AnsweredStatus)
{
    public string Id => Headers["webhook-id"];

    public JsonElement Json { get; } = JsonDocument.Parse(Body).RootElement.Clone();

    public string Type => Json.GetProperty("type").GetString()!;
}

/// <summary>
/// A real HTTP server on loopback (Kestrel) that records every webhook request and answers as the test says: 200 by
/// default, any status through <see cref="Respond"/>, after <see cref="Delay"/>. It can stop and start again on the same
/// port, as an endpoint that is down for a while.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedWebhook> _received = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    private WebhookReceiver()
    {
    }

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hooks");

    /// <summary>The status to answer a request with; 200 unless set.</summary>
    public Func<ReceivedWebhook, int> Respond { get; set; } = _ => 200;

    /// <summary>How long to wait before answering.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.ListenAsync(0);
        return receiver;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Listens again on the same port after <see cref="StopAsync"/>.</summary>
    public Task StartAgainAsync() => ListenAsync(Port);

    public void Clear()
    {
        lock (_gate)
        {
            _received.Clear();
        }
    }

    public async Task<ReceivedWebhook> WaitForAsync(Func<ReceivedWebhook, bool> match, TimeSpan timeout) =>
        (await WaitForCountAsync(match, 1, timeout))[0];

    /// <summary>Waits until <paramref name="count"/> received requests match, and returns them in arrival order.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForCountAsync(Func<ReceivedWebhook, bool> match, int count, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                var matching = _received.Where(match).ToList();
                if (matching.Count >= count)
                {
                    return matching;
                }

                arrived = _arrived.Task;
            }

            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"{count} matching webhooks did not arrive within {timeout}; received: {string.Join(", ", Received.Select(r => r.Type))}");
            }

            await Task.WhenAny(arrived, Task.Delay(left));
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Urls.First()).Port;
        _app = app;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var webhook = new ReceivedWebhook(context.Request.Path, headers, body, DateTimeOffset.UtcNow, 0);
        var status = Respond(webhook);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        lock (_gate)
        {
            _received.Add(webhook with { AnsweredStatus = status });
            _arrived.TrySetResult();
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsync(status is >= 200 and < 300 ? "ok" : "not today");
    }
}
