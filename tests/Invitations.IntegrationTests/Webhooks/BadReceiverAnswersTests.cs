namespace Invitations.IntegrationTests.Webhooks;

/// <summary>
/// contracts §8: whatever a receiver answers is recorded as that delivery's attempt, never stops other deliveries from being
/// recorded or sent, and never makes a delivery go out again without an attempt listed. Real receivers on loopback, all of
/// them owed in one dispatch pass with a healthy receiver of another workspace.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class BadReceiverAnswersTests(ServiceHost api)
{
    [Fact]
    public async Task EveryBadAnswer_IsAnAttemptOfItsOwnDelivery_AndAHealthyReceiverInTheSamePassGetsItsEventOnce()
    {
        var bad = await api.CreateWorkspaceAsync();
        var good = await api.CreateWorkspaceAsync();
        var receivers = BadAnswer.All.Select(answer => (Answer: answer, Receiver: answer.Start())).ToList();
        await using var healthy = await WebhookReceiver.StartAsync();
        try
        {
            var hooks = new List<TestWebhook>();
            foreach (var (_, receiver) in receivers)
            {
                hooks.Add(await api.RegisterWebhookAsync(bad, receiver.Url));
            }

            var goodHook = await api.RegisterWebhookAsync(good, healthy.Url);

            // Owed while their endpoints are off, so that the pass the healthy one's event starts claims them all.
            await api.ExecuteSqlAsync("UPDATE webhook_endpoints SET enabled = false WHERE workspace_id = @w", ("w", bad.Id));
            var events = new List<string>();
            foreach (var hook in hooks)
            {
                events.Add(await api.PingWebhookAsync(bad, hook));
            }

            await api.ExecuteSqlAsync("UPDATE webhook_endpoints SET enabled = true WHERE workspace_id = @w", ("w", bad.Id));
            var goodEvent = await api.PingWebhookAsync(good, goodHook);

            var delivered = await api.WaitForDeliveryAsync(good, goodHook.Id, goodEvent, "succeeded");
            Assert.Equal(200, (int)Assert.Single(delivered["attempts"]!.AsArray())!["http_status"]!);
            for (var i = 0; i < receivers.Count; i++)
            {
                var (answer, receiver) = receivers[i];
                var delivery = await api.WaitForDeliveryAsync(bad, hooks[i].Id, events[i], answer.Status is >= 200 and < 300 ? "succeeded" : "pending");
                var first = delivery["attempts"]!.AsArray()[0]!;
                Assert.True(answer.Status == (int?)first["http_status"], $"{answer}: {delivery.ToJsonString()}");
                Assert.Null(first["error"]);
                Assert.Equal(delivery["attempts"]!.AsArray().Count, receiver.Requests);
            }

            await Task.Delay(TimeSpan.FromSeconds(1)); // a second copy in the making would land now
            Assert.Single(healthy.Received, r => r.Id == goodEvent);
            var excerpts = await api.ScalarAsync<string[]>(
                "SELECT array_agg(coalesce(d.last_response, '')) FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id " +
                "WHERE e.workspace_id = @w", ("w", bad.Id));
            Assert.Equal(receivers.Count, excerpts.Length);
            Assert.All(excerpts, StorableText.Assert);
        }
        finally
        {
            foreach (var (_, receiver) in receivers)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AnOutcomeTheDatabaseRefuses_CostsNoOtherOutcomeItsRecord_AndIsStillListedAsAnAttempt()
    {
        // Stands in for whatever the database may refuse one day: here the text this receiver answers a 500 with.
        await api.ExecuteSqlAsync(
            "ALTER TABLE webhook_deliveries ADD CONSTRAINT test_refuses_an_answer CHECK (last_response IS DISTINCT FROM 'not today')");
        try
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            var workspace = await api.CreateWorkspaceAsync();
            var hook = await api.RegisterWebhookAsync(workspace, receiver.Url);
            await api.ExecuteSqlAsync("UPDATE webhook_endpoints SET enabled = false WHERE id = @id", ("id", hook.Id));
            var (refused, accepted) = (await api.PingWebhookAsync(workspace, hook), await api.PingWebhookAsync(workspace, hook));
            receiver.Respond = r => r.Id == refused ? 500 : 200;
            await api.ExecuteSqlAsync("UPDATE webhook_endpoints SET enabled = true WHERE id = @id", ("id", hook.Id));
            var kick = await api.PingWebhookAsync(workspace, hook); // one pass claims the three, one share: one statement

            foreach (var eventId in new[] { accepted, kick })
            {
                var delivered = await api.WaitForDeliveryAsync(workspace, hook.Id, eventId, "succeeded");
                Assert.Single(delivered["attempts"]!.AsArray());
            }

            var kept = await api.WaitForDeliveryAsync(workspace, hook.Id, refused, "pending");
            Assert.Equal(500, (int)kept["attempts"]!.AsArray()[0]!["http_status"]!);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Single(receiver.Received, r => r.Id == accepted);
            Assert.Single(receiver.Received, r => r.Id == kick);
        }
        finally
        {
            await api.ExecuteSqlAsync("ALTER TABLE webhook_deliveries DROP CONSTRAINT test_refuses_an_answer");
        }
    }
}
