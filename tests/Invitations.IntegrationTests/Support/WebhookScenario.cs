using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Support;

public sealed record TestWebhook(Guid Id, string Secret);

/// <summary>Webhook steps through the public API, as a client takes them.</summary>
public static class WebhookScenario
{
    public static string Webhooks(TestWorkspace workspace) => $"/v1/workspaces/{workspace.Id}/webhooks";

    public static async Task<TestWebhook> RegisterWebhookAsync(this ApiFactory api, TestWorkspace workspace, Uri url, params string[] events)
    {
        var body = await (await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(
                Webhooks(workspace), events.Length == 0 ? new { url = url.ToString() } : (object)new { url = url.ToString(), events }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return new TestWebhook(body["id"]!.GetValue<Guid>(), body["secret"]!.GetValue<string>());
    }

    /// <summary>Sends the endpoint a <c>ping</c> (its test route) and returns the event id.</summary>
    public static async Task<string> PingWebhookAsync(this ApiFactory api, TestWorkspace workspace, TestWebhook hook) =>
        (string)(await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{Webhooks(workspace)}/{hook.Id}/test", null))
            .ReadJsonAsync(HttpStatusCode.Accepted))["event_id"]!;

    public static async Task<JsonObject> GetWebhookAsync(this ApiFactory api, TestWorkspace workspace, Guid webhookId) =>
        await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"{Webhooks(workspace)}/{webhookId}")).ReadJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonArray> DeliveriesAsync(this ApiFactory api, TestWorkspace workspace, Guid webhookId, string? query = null) =>
        (await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"{Webhooks(workspace)}/{webhookId}/deliveries{query}"))
            .ReadJsonAsync(HttpStatusCode.OK))["items"]!.AsArray();

    /// <summary>Waits until the endpoint's delivery of <paramref name="eventId"/> has <paramref name="status"/>, and returns it.</summary>
    public static async Task<JsonObject> WaitForDeliveryAsync(
        this ApiFactory api, TestWorkspace workspace, Guid webhookId, string eventId, string status)
    {
        var deadline = DateTimeOffset.UtcNow + JobScenario.Patience;
        JsonObject? delivery = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            delivery = (await api.DeliveriesAsync(workspace, webhookId)).Select(d => d!.AsObject())
                .SingleOrDefault(d => (string?)d["event_id"] == eventId);
            if ((string?)delivery?["status"] == status)
            {
                return delivery!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The delivery of {eventId} did not become {status}; last seen: {delivery?.ToJsonString() ?? "none"}");
    }

    public static Guid? InvitationIdOf(ReceivedWebhook webhook) =>
        webhook.Json.TryGetProperty("data", out var data) && data.TryGetProperty("invitation", out var invitation)
            ? invitation.GetProperty("id").GetGuid()
            : null;

    public static JsonObject InvitationOf(ReceivedWebhook webhook) =>
        JsonNode.Parse(webhook.Json.GetProperty("data").GetProperty("invitation").GetRawText())!.AsObject();

    /// <summary>The event of <paramref name="type"/> about the invitation <paramref name="invitationId"/>, once it arrives.</summary>
    public static Task<ReceivedWebhook> EventAsync(this WebhookReceiver receiver, string type, Guid invitationId) =>
        receiver.WaitForAsync(w => w.Type == type && InvitationIdOf(w) == invitationId, JobScenario.Patience);

    /// <summary>The same fields with the same values, written the same way (times too).</summary>
    public static void AssertSameInvitation(JsonObject fromApi, JsonObject fromEvent, params string[] changedSince)
    {
        var expected = fromApi.Where(p => p.Key != "accept_url").ToList();
        Assert.Equal(expected.Select(p => p.Key).Order(StringComparer.Ordinal), fromEvent.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (key, value) in expected.Where(p => !changedSince.Contains(p.Key)))
        {
            var actual = fromEvent[key];
            Assert.True(JsonNode.DeepEquals(value, actual), $"{key}: API {value?.ToJsonString()}, event {actual?.ToJsonString()}");
        }
    }
}
