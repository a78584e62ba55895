using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Invitations.Application.Common;
using Invitations.Application.Webhooks;
using Invitations.Application.Webhooks.DispatchWebhooks;
using Invitations.Domain.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Invitations.Application.Tests.Webhooks;

/// <summary>Retry delays of 5 s and 300 s: three attempts, then the delivery has failed.</summary>
public sealed class DispatchWebhooksCommandHandlerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly IWebhookOutbox _outbox = Substitute.For<IWebhookOutbox>();
    private readonly IWebhookSender _sender = Substitute.For<IWebhookSender>();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly List<WebhookOutcome> _recorded = [];
    private readonly ConcurrentQueue<WebhookEndpointId[]> _busyAtClaims = new();
    private readonly Queue<IReadOnlyList<OwedWebhook>> _claims = new();
    private readonly DispatchWebhooksCommandHandler _handler;

    public DispatchWebhooksCommandHandlerTests()
    {
        _handler = new DispatchWebhooksCommandHandler(
            _outbox, _sender, _clock, Options.Create(new WebhookOptions { RetryDelaysSeconds = [5, 300] }),
            new InvitationMetrics(new Meter("test")), NullLogger<DispatchWebhooksCommandHandler>.Instance);
        _outbox.ClaimAsync(default, default, default!, default, default).ReturnsForAnyArgs(call =>
        {
            _busyAtClaims.Enqueue([.. call.ArgAt<IReadOnlyCollection<WebhookEndpointId>>(2)]);
            return _claims.TryDequeue(out var claimed) ? claimed : [];
        });
        _outbox.RecordAsync(Arg.Do<IReadOnlyList<WebhookOutcome>>(_recorded.AddRange), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task A2xx_IsRecordedSucceeded()
    {
        var owed = Owed(WebhookEndpointId.New(), attempts: 0);
        _claims.Enqueue([owed]);
        Answer(owed, new WebhookAttempt(204, null, 12, null));

        var report = await Dispatch();

        var outcome = Assert.Single(_recorded);
        Assert.Equal((WebhookDeliveryStatus.Succeeded, 204, 12), (outcome.Status, outcome.Attempt.HttpStatus, outcome.Attempt.DurationMs));
        Assert.Equal(1, report.Succeeded);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 300)]
    public async Task AFailedAttempt_BacksOffByTheNextDelay(int attemptsBefore, int delaySeconds)
    {
        var owed = Owed(WebhookEndpointId.New(), attemptsBefore);
        _claims.Enqueue([owed]);
        Answer(owed, new WebhookAttempt(500, null, 3, "boom"));

        await Dispatch();

        var outcome = Assert.Single(_recorded);
        Assert.Equal((WebhookDeliveryStatus.Pending, Start.AddSeconds(delaySeconds)), (outcome.Status, outcome.NextAttemptAt));
        Assert.Equal("boom", outcome.ResponseExcerpt);
    }

    [Fact]
    public async Task TheLastAttemptFailing_FailsTheDelivery()
    {
        var owed = Owed(WebhookEndpointId.New(), attempts: 2);
        _claims.Enqueue([owed]);
        Answer(owed, new WebhookAttempt(null, "connection failed: ConnectionRefused", 1, null));

        var report = await Dispatch();

        Assert.Equal(WebhookDeliveryStatus.Failed, Assert.Single(_recorded).Status);
        Assert.Equal("connection failed: ConnectionRefused", _recorded[0].Attempt.Error);
        Assert.Equal(1, report.Failed);
    }

    [Fact]
    public async Task WhileOneEndpointHangs_AnotherEndpointsDeliveriesAreSentAndRecorded_AndTheHangingOneIsNotClaimedAgain()
    {
        var (slow, fast) = (WebhookEndpointId.New(), WebhookEndpointId.New());
        var hanging = Owed(slow, 0);
        var (first, second) = (Owed(fast, 0), Owed(fast, 0));
        var release = new TaskCompletionSource<WebhookAttempt>();
        _sender.SendAsync(Arg.Is<WebhookMessage>(m => m.EventId == hanging.EventId), Arg.Any<CancellationToken>()).Returns(release.Task);
        Answer(first, new WebhookAttempt(200, null, 1, null));
        Answer(second, new WebhookAttempt(200, null, 1, null));
        _claims.Enqueue([hanging, first]);
        _claims.Enqueue([second]);

        var dispatch = Dispatch();
        await WaitUntil(() => _recorded.Count == 2);

        Assert.Equal([first.DeliveryId, second.DeliveryId], _recorded.Select(o => o.DeliveryId));
        Assert.All(_busyAtClaims.ToArray().Skip(1), busy => Assert.Contains(slow, busy));
        Assert.False(dispatch.IsCompleted);

        release.SetResult(new WebhookAttempt(200, null, 9_000, null));
        var report = await dispatch;

        Assert.Equal(hanging.DeliveryId, _recorded[^1].DeliveryId);
        Assert.Equal(3, report.Succeeded);
    }

    [Fact]
    public async Task ASenderThatThrowsForOneDelivery_IsThatDeliverysFailedAttempt_AndTheOthersAreRecorded()
    {
        var (broken, healthy) = (Owed(WebhookEndpointId.New(), 0), Owed(WebhookEndpointId.New(), 0));
        _sender.SendAsync(Arg.Is<WebhookMessage>(m => m.EventId == broken.EventId), Arg.Any<CancellationToken>())
            .Returns<WebhookAttempt>(_ => throw new IOException("The response ended prematurely."));
        Answer(healthy, new WebhookAttempt(200, null, 1, null));
        _claims.Enqueue([broken, healthy]);

        var report = await Dispatch();

        Assert.Equal(2, _recorded.Count);
        Assert.Equal(WebhookDeliveryStatus.Succeeded, _recorded.Single(o => o.DeliveryId == healthy.DeliveryId).Status);
        var failed = _recorded.Single(o => o.DeliveryId == broken.DeliveryId);
        Assert.Equal(WebhookDeliveryStatus.Pending, failed.Status);
        Assert.Contains("IOException", failed.Attempt.Error);
        Assert.Equal((1, 1), (report.Succeeded, report.Retrying));
    }

    [Fact]
    public async Task OneEndpointsShare_IsSentWithBoundedConcurrency()
    {
        var endpoint = WebhookEndpointId.New();
        var owed = Enumerable.Range(0, 10).Select(_ => Owed(endpoint, 0)).ToList();
        var (inFlight, most) = (0, 0);
        _sender.SendAsync(Arg.Any<WebhookMessage>(), Arg.Any<CancellationToken>()).Returns(async _ =>
        {
            most = Math.Max(most, Interlocked.Increment(ref inFlight));
            await Task.Delay(20);
            Interlocked.Decrement(ref inFlight);
            return new WebhookAttempt(200, null, 20, null);
        });
        _claims.Enqueue(owed);

        await _handler.Handle(new DispatchWebhooksCommand { PerEndpointConcurrency = 3 }, CancellationToken.None);

        Assert.Equal(10, _recorded.Count);
        Assert.InRange(most, 1, 3);
    }

    private Task<WebhookDispatchReport> Dispatch() => _handler.Handle(new DispatchWebhooksCommand(), CancellationToken.None);

    private void Answer(OwedWebhook owed, WebhookAttempt attempt) =>
        _sender.SendAsync(Arg.Is<WebhookMessage>(m => m.EventId == owed.EventId), Arg.Any<CancellationToken>()).Returns(attempt);

    private static OwedWebhook Owed(WebhookEndpointId endpoint, int attempts) => new(
        Guid.NewGuid(), endpoint, new Uri("https://hooks.example/in"), "evt_" + Guid.NewGuid().ToString("N"), "{}", attempts, ["whsec_AAAA"]);

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(10);
        }
    }
}
