using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Invitations.Application.Webhooks.PurgeWebhookHistory;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>
/// At-least-once delivery against a real receiver that goes down, fails, or is slow. This host's back-off is 1 s, 2 s,
/// 4 s: four attempts in all.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class WebhookDeliveryTests(ServiceHost api) : IAsyncLifetime
{
    private static readonly int[] Delays = [1, 2, 4];
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task ReceiverDownForAWhile_GetsEveryEventAfterwards_NoneLostNoneTwice()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var hook = await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.created");
        await _receiver.StopAsync();

        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await api.InvitationIdAsync(workspace, sendEmail: false));
        }

        await WaitUntilAsync(async () => (await api.DeliveriesAsync(workspace, hook.Id)).Count(d => d!["attempts"]!.AsArray().Count > 0) == 5);
        var failedFirst = await api.DeliveriesAsync(workspace, hook.Id);
        Assert.All(failedFirst, d => Assert.Equal("pending", (string?)d!["status"]));
        Assert.All(failedFirst, d => Assert.NotNull(d!["attempts"]![0]!["error"]));
        Assert.All(failedFirst, d => Assert.NotNull(d!["next_attempt_at"]));
        Assert.Empty(_receiver.Received);

        await _receiver.StartAgainAsync();

        await _receiver.WaitForCountAsync(_ => true, 5, JobScenario.Patience);
        await WaitUntilAsync(async () => (await api.DeliveriesAsync(workspace, hook.Id)).All(d => (string?)d!["status"] == "succeeded"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(ids.Order(), _receiver.Received.Select(r => r.Json.GetProperty("data").GetProperty("invitation").GetProperty("id").GetGuid()).Order());
        Assert.All(_receiver.Received, r => Assert.True(StandardWebhookVerifier.Verify(hook.Secret, r.Headers, r.Body)));
    }

    [Fact]
    public async Task TwoNodesOnOneDatabase_DeliverEachEventOnce()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var hook = await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.created");
        await using var second = new SecondHost(api);
        var clients = new[] { api.ClientWithKey(workspace.ApiKey), second.ClientWithKey(workspace.ApiKey) };

        await Parallel.ForAsync(0, 100, async (i, _) =>
        {
            var response = await clients[i % 2].PostAsJsonAsync(
                ApiClients.Native(workspace), new { email = Mailbox.NewAddress($"node{i}"), role = "viewer", send_email = false });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        });

        await _receiver.WaitForCountAsync(_ => true, 100, JobScenario.Patience);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a second copy in the making would land now
        Assert.Equal(100, _receiver.Received.Count);
        Assert.Equal(100, _receiver.Received.Select(r => r.Id).Distinct().Count());
        Assert.All(_receiver.Received, r => Assert.True(StandardWebhookVerifier.Verify(hook.Secret, r.Headers, r.Body)));
    }

    [Fact]
    public async Task Receiver500_BacksOffWithTheSameWebhookId_ThenFailed_AndRetrySendsItAgain()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var hook = await api.RegisterWebhookAsync(workspace, _receiver.Url);
        _receiver.Respond = _ => 500;

        var eventId = await api.PingWebhookAsync(workspace, hook);

        var attempts = await _receiver.WaitForCountAsync(r => r.Id == eventId, Delays.Length + 1, JobScenario.Patience);
        for (var i = 0; i < Delays.Length; i++)
        {
            var gap = attempts[i + 1].ReceivedAt - attempts[i].ReceivedAt;
            Assert.True(gap >= TimeSpan.FromSeconds(Delays[i] - 0.1), $"Attempt {i + 2} came {gap} after attempt {i + 1}; the back-off is {Delays[i]} s.");
        }

        Assert.All(attempts, a => Assert.True(StandardWebhookVerifier.Verify(hook.Secret, a.Headers, a.Body)));
        Assert.Single(attempts.Select(a => a.Body).Distinct());
        var failed = await api.WaitForDeliveryAsync(workspace, hook.Id, eventId, "failed");
        Assert.Equal(Delays.Length + 1, failed["attempts"]!.AsArray().Count);
        Assert.All(failed["attempts"]!.AsArray(), a => Assert.Equal(500, (int)a!["http_status"]!));
        Assert.All(failed["attempts"]!.AsArray(), a => Assert.True((int)a!["duration_ms"]! >= 0));
        Assert.Null(failed["next_attempt_at"]);

        _receiver.Respond = _ => 204;
        var retry = await api.ClientWithKey(workspace.ApiKey)
            .PostAsync($"{WebhookScenario.Webhooks(workspace)}/{hook.Id}/deliveries/{failed["id"]}/retry", null);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var succeeded = await api.WaitForDeliveryAsync(workspace, hook.Id, eventId, "succeeded");
        Assert.Equal(204, (int)succeeded["attempts"]!.AsArray()[^1]!["http_status"]!);
        Assert.Equal(Delays.Length + 2, _receiver.Received.Count(r => r.Id == eventId));
    }

    [Fact]
    public async Task Retry_OnADisabledEndpoint_Is409SayingToEnableItFirst_AndSendsOnceEnabled()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var hook = await api.RegisterWebhookAsync(workspace, _receiver.Url);
        var eventId = await api.PingWebhookAsync(workspace, hook);
        var delivery = await api.WaitForDeliveryAsync(workspace, hook.Id, eventId, "succeeded");
        var client = api.ClientWithKey(workspace.ApiKey);
        var endpoint = $"{WebhookScenario.Webhooks(workspace)}/{hook.Id}";
        (await client.PatchAsJsonAsync(endpoint, new { enabled = false })).EnsureSuccessStatusCode();

        var refused = await client.PostAsync($"{endpoint}/deliveries/{delivery["id"]}/retry", null);

        var problem = await ErrorAssert.ProblemAsync(refused, HttpStatusCode.Conflict, "webhook-disabled");
        Assert.Contains("enable it first", (string?)problem["detail"]);
        (await client.PatchAsJsonAsync(endpoint, new { enabled = true })).EnsureSuccessStatusCode();
        var retried = await client.PostAsync($"{endpoint}/deliveries/{delivery["id"]}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        await _receiver.WaitForCountAsync(r => r.Id == eventId, 2, JobScenario.Patience);
    }

    [Fact]
    public async Task SecretRotated_DuringTheOverlapEachEventVerifiesWithTheOldAndTheNewSecret()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var hook = await api.RegisterWebhookAsync(workspace, _receiver.Url);
        var rotated = await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{WebhookScenario.Webhooks(workspace)}/{hook.Id}/rotate-secret", null))
            .ReadJsonAsync(HttpStatusCode.Created);
        var newSecret = (string)rotated["secret"]!;

        var eventId = await api.PingWebhookAsync(workspace, hook);

        var ping = await _receiver.WaitForAsync(r => r.Id == eventId, JobScenario.Patience);
        Assert.True(StandardWebhookVerifier.Verify(newSecret, ping.Headers, ping.Body));
        Assert.True(StandardWebhookVerifier.Verify(hook.Secret, ping.Headers, ping.Body));
        Assert.StartsWith("v1,", ping.Headers["webhook-signature"]);
        Assert.Equal(2, ping.Headers["webhook-signature"].Split(' ').Length);

        // After the overlap only the new secret signs.
        await api.ExecuteSqlAsync("UPDATE webhook_endpoints SET previous_secret_expires_at = now() - interval '1 second' WHERE id = @id", ("id", hook.Id));
        var later = await api.PingWebhookAsync(workspace, hook);
        var laterPing = await _receiver.WaitForAsync(r => r.Id == later, JobScenario.Patience);
        Assert.True(StandardWebhookVerifier.Verify(newSecret, laterPing.Headers, laterPing.Body));
        Assert.False(StandardWebhookVerifier.Verify(hook.Secret, laterPing.Headers, laterPing.Body));
    }

    [Fact]
    public async Task ASlowEndpoint_DoesNotHoldUpAnotherEndpoint()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await using var slow = await WebhookReceiver.StartAsync();
        slow.Delay = TimeSpan.FromSeconds(9); // under the sender's 10 s limit: slow, not failing
        await api.RegisterWebhookAsync(workspace, slow.Url, "invitation.created");
        await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.created");
        var startedAt = DateTimeOffset.UtcNow;

        await api.InvitationIdAsync(workspace, sendEmail: false);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await api.InvitationIdAsync(workspace, sendEmail: false);

        var fast = await _receiver.WaitForCountAsync(_ => true, 2, JobScenario.Patience);
        Assert.True(fast[^1].ReceivedAt - startedAt < TimeSpan.FromSeconds(7), $"The healthy endpoint waited {fast[^1].ReceivedAt - startedAt} behind the slow one.");
        Assert.Empty(slow.Received);
        await slow.WaitForCountAsync(_ => true, 2, JobScenario.Patience);
    }

    [Fact]
    public async Task AnEndpointFailingForThreeDays_IsDisabled_SaysSoOnGet_AndGetsNoMoreEvents()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var hook = await api.RegisterWebhookAsync(workspace, _receiver.Url);
        _receiver.Respond = _ => 503;
        await api.ExecuteSqlAsync("UPDATE webhook_endpoints SET failing_since = now() - interval '4 days' WHERE id = @id", ("id", hook.Id));

        var eventId = await api.PingWebhookAsync(workspace, hook);
        await _receiver.WaitForAsync(r => r.Id == eventId, JobScenario.Patience);
        await WaitUntilAsync(async () => !(bool)(await api.GetWebhookAsync(workspace, hook.Id))["enabled"]!);

        var endpoint = await api.GetWebhookAsync(workspace, hook.Id);
        Assert.Contains("3 days", (string?)endpoint["disabled_reason"]);
        Assert.NotNull(endpoint["disabled_at"]);
        await api.InvitationIdAsync(workspace, sendEmail: false);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(_receiver.Received);

        // Enabled again, it gets events again.
        _receiver.Respond = _ => 200;
        (await api.ClientWithKey(workspace.ApiKey).PatchAsJsonAsync($"{WebhookScenario.Webhooks(workspace)}/{hook.Id}", new { enabled = true }))
            .EnsureSuccessStatusCode();
        var reenabled = await api.GetWebhookAsync(workspace, hook.Id);
        Assert.True((bool)reenabled["enabled"]!);
        Assert.Null(reenabled["disabled_reason"]);
        var id = await api.InvitationIdAsync(workspace, sendEmail: false);
        await _receiver.WaitForAsync(
            r => r.Type == "invitation.created" && r.Json.GetProperty("data").GetProperty("invitation").GetProperty("id").GetGuid() == id, JobScenario.Patience);
    }

    [Fact]
    public async Task Deliveries_ArePagedNewestFirst_AndFilteredByStatus()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var hook = await api.RegisterWebhookAsync(workspace, _receiver.Url);
        for (var i = 0; i < 55; i++)
        {
            await api.PingWebhookAsync(workspace, hook);
        }

        await _receiver.WaitForCountAsync(_ => true, 55, JobScenario.Patience);
        await WaitUntilAsync(async () => (await api.DeliveriesAsync(workspace, hook.Id, "?status=pending")).Count == 0);
        var client = api.ClientWithKey(workspace.ApiKey);
        var path = $"{WebhookScenario.Webhooks(workspace)}/{hook.Id}/deliveries";

        var first = await (await client.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK);
        var second = await (await client.GetAsync($"{path}?cursor={Uri.EscapeDataString((string)first["next_cursor"]!)}")).ReadJsonAsync(HttpStatusCode.OK);

        var items = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(d => d!.AsObject()).ToList();
        Assert.Equal(50, first["items"]!.AsArray().Count);
        Assert.Equal(5, second["items"]!.AsArray().Count);
        Assert.Null(second["next_cursor"]);
        Assert.Equal(items.Select(d => (string?)d["event_id"]).Order(), _receiver.Received.Select(r => (string?)r.Id).Order());
        Assert.Equal(55, items.Select(d => (string?)d["id"]).Distinct().Count());
        Assert.All(items, d => Assert.Equal("ping", (string?)d["event_type"]));
        Assert.All(items, d => Assert.StartsWith("evt_", (string?)d["event_id"]));
        Assert.Empty(await api.DeliveriesAsync(workspace, hook.Id, "?status=failed"));
        Assert.Empty(await api.DeliveriesAsync(workspace, hook.Id, "?status=pending"));
    }

    [Fact]
    public async Task HistoryOlderThan30Days_IsPurged_ExceptWhatIsStillOwed()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var hook = await api.RegisterWebhookAsync(workspace, _receiver.Url);
        var (old, owed, recent) = (await api.PingWebhookAsync(workspace, hook), await api.PingWebhookAsync(workspace, hook), await api.PingWebhookAsync(workspace, hook));
        await _receiver.WaitForCountAsync(_ => true, 3, JobScenario.Patience);
        await WaitUntilAsync(async () => (await api.DeliveriesAsync(workspace, hook.Id, "?status=succeeded")).Count == 3);
        await api.ExecuteSqlAsync("UPDATE webhook_events SET created_at = now() - interval '31 days' WHERE id IN (@old, @owed)", ("old", old), ("owed", owed));
        await api.ExecuteSqlAsync(
            "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now() + interval '1 hour' WHERE event_id = @owed", ("owed", owed));

        Assert.Equal(1, await api.SendAsync(new PurgeWebhookHistoryCommand()));

        var left = await api.DeliveriesAsync(workspace, hook.Id);
        Assert.Equal(new[] { owed, recent }.Order(StringComparer.Ordinal), left.Select(d => (string)d!["event_id"]!).Order(StringComparer.Ordinal));
        Assert.Equal(0, await api.ScalarAsync<long>("SELECT count(*) FROM webhook_events WHERE id = @id", ("id", old)));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + JobScenario.Patience;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(100);
        }
    }
}
