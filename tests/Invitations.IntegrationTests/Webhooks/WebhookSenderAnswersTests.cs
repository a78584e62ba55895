using System.Text.Json;
using Invitations.Application.Webhooks;
using Invitations.Domain.Webhooks;
using Invitations.Infrastructure.Webhooks;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>
/// One attempt against a receiver on loopback that answers badly (<see cref="BadAnswer"/>): whatever it sends, the attempt
/// comes back (never an exception), with the status when one was read, and an excerpt the database can store.
/// </summary>
public sealed class WebhookSenderAnswersTests
{
    public static TheoryData<string> Answers => new(BadAnswer.All.Select(answer => answer.Name));

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task WhateverTheReceiverAnswers_IsOneAttemptWithTheStatusItRead_AndAStorableExcerpt(string name)
    {
        var answer = BadAnswer.All.Single(a => a.Name == name);
        await using var receiver = answer.Start();
        using var sender = new WebhookSender(allowPrivateNetworks: true);
        var ping = JsonSerializer.Serialize(new { id = "evt_test", type = "ping", data = new { } });

        var attempt = await sender.SendAsync(new WebhookMessage(receiver.Url, "evt_test", DateTimeOffset.UtcNow, ping, [WebhookSecret.New()]), CancellationToken.None);

        Assert.Equal(answer.Status, attempt.HttpStatus);
        Assert.Null(attempt.Error);
        Assert.Equal(answer.Status is >= 200 and < 300, attempt.Succeeded);
        Assert.Equal(1, receiver.Requests);
        var excerpt = Assert.IsType<string>(attempt.ResponseExcerpt);
        StorableText.Assert(excerpt);
        Assert.Equal(answer.BreaksOff, excerpt.Contains("broke off", StringComparison.Ordinal));
    }
}
