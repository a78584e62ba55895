using System.Net;
using System.Text.Json;
using Invitations.Application.Webhooks;
using Invitations.Domain.Webhooks;
using Invitations.Infrastructure.Webhooks;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>One attempt of the sender against a real HTTP receiver on loopback.</summary>
public sealed class WebhookSenderTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task SignsWithEverySecret_AReceiverVerifiesEachIndependently()
    {
        using var sender = new WebhookSender(allowPrivateNetworks: true);
        var (current, previous) = (WebhookSecret.New(), WebhookSecret.New());

        var attempt = await sender.SendAsync(Message(_receiver.Url, current, previous), CancellationToken.None);

        Assert.True(attempt.Succeeded);
        Assert.Equal(200, attempt.HttpStatus);
        Assert.Equal("ok", attempt.ResponseExcerpt);
        var received = Assert.Single(_receiver.Received);
        Assert.Equal("evt_test", received.Id);
        Assert.Equal(2, received.Headers["webhook-signature"].Split(' ').Length);
        Assert.True(StandardWebhookVerifier.Verify(current, received.Headers, received.Body));
        Assert.True(StandardWebhookVerifier.Verify(previous, received.Headers, received.Body));
        Assert.False(StandardWebhookVerifier.Verify(WebhookSecret.New(), received.Headers, received.Body));
        Assert.False(StandardWebhookVerifier.Verify(current, received.Headers, received.Body.Replace("ping", "pong")));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(500)]
    [InlineData(410)]
    public async Task ARedirectOrErrorStatus_IsAFailedAttempt_AndIsNotFollowed(int status)
    {
        using var sender = new WebhookSender(allowPrivateNetworks: true);
        _receiver.Respond = _ => status;

        var attempt = await sender.SendAsync(Message(_receiver.Url, WebhookSecret.New()), CancellationToken.None);

        Assert.False(attempt.Succeeded);
        Assert.Equal(status, attempt.HttpStatus);
        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task ASlowReceiver_TimesOut()
    {
        using var sender = new WebhookSender(allowPrivateNetworks: true, timeout: TimeSpan.FromSeconds(1));
        _receiver.Delay = TimeSpan.FromSeconds(5);

        var attempt = await sender.SendAsync(Message(_receiver.Url, WebhookSecret.New()), CancellationToken.None);

        Assert.False(attempt.Succeeded);
        Assert.Null(attempt.HttpStatus);
        Assert.Contains("timed out", attempt.Error);
        Assert.InRange(attempt.DurationMs, 900, 4_000);
    }

    [Fact]
    public async Task AReceiverThatIsDown_IsAFailedAttemptWithTheReason()
    {
        using var sender = new WebhookSender(allowPrivateNetworks: true);
        await _receiver.StopAsync();

        var attempt = await sender.SendAsync(Message(_receiver.Url, WebhookSecret.New()), CancellationToken.None);

        Assert.False(attempt.Succeeded);
        Assert.Null(attempt.HttpStatus);
        Assert.Contains("ConnectionRefused", attempt.Error);
    }

    [Fact]
    public async Task PrivateNetworksNotAllowed_ANameResolvingToLoopbackIsRefusedWhenConnecting_NothingArrives()
    {
        // The receiver speaks plain http; the https request never gets as far as a TLS handshake, because the
        // address check runs before the socket connects.
        using var sender = new WebhookSender(allowPrivateNetworks: false);

        var byLocalhost = await sender.SendAsync(Message(new Uri($"https://localhost:{_receiver.Port}/hooks"), WebhookSecret.New()), CancellationToken.None);
        var byLiteral = await sender.SendAsync(Message(new Uri($"https://127.0.0.1:{_receiver.Port}/hooks"), WebhookSecret.New()), CancellationToken.None);

        Assert.Contains("refused", byLocalhost.Error);
        Assert.Contains("refused", byLiteral.Error);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task PrivateNetworksNotAllowed_AHostThatResolvesInwardLaterIsRefusedWhenConnecting()
    {
        // Registration saw a public answer; when the delivery connects, DNS answers loopback (DNS rebinding).
        using var sender = new WebhookSender(allowPrivateNetworks: false, resolve: (_, _) => Task.FromResult(new[] { IPAddress.Loopback }));

        var attempt = await sender.SendAsync(Message(new Uri($"https://rebinding.example:{_receiver.Port}/hooks"), WebhookSecret.New()), CancellationToken.None);

        Assert.False(attempt.Succeeded);
        Assert.Contains("refused", attempt.Error);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task PrivateNetworksNotAllowed_PlainHttpIsRefused_NothingArrives()
    {
        using var sender = new WebhookSender(allowPrivateNetworks: false);

        var attempt = await sender.SendAsync(Message(_receiver.Url, WebhookSecret.New()), CancellationToken.None);

        Assert.Contains("refused", attempt.Error);
        Assert.Empty(_receiver.Received);
    }

    private static WebhookMessage Message(Uri url, params string[] secrets) =>
        new(url, "evt_test", DateTimeOffset.UtcNow, JsonSerializer.Serialize(new { id = "evt_test", type = "ping", data = new { } }), secrets);
}
