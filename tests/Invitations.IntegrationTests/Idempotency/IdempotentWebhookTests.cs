using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.Idempotency;

/// <summary>A replayed request does nothing again: no second lifecycle event, and no second webhook endpoint.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class IdempotentWebhookTests(ServiceHost api) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Create_Replayed_WritesOneCreatedEvent()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.created");
        var client = api.ClientWithKey(workspace.ApiKey);

        var first = await client.SendAsync(ApiClients.Post(ApiClients.Native(workspace), new { email = "evented@example.com", role = "editor" }, "evt"));
        var second = await client.SendAsync(ApiClients.Post(ApiClients.Native(workspace), new { email = "evented@example.com", role = "editor" }, "evt"));

        var id = (await first.ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        await _receiver.WaitForCountAsync(w => w.Type == "invitation.created", 1, JobScenario.Patience);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(_receiver.Received, w => w.Type == "invitation.created");
        Assert.Equal(id, Guid.Parse(Assert.Single(_receiver.Received).Json.GetProperty("data").GetProperty("invitation").GetProperty("id").GetString()!));
        Assert.Equal(1, await api.DbAsync(db => db.WebhookEvents.CountAsync()));
    }

    [Fact]
    public async Task WebhookCreation_Replayed_ReturnsTheSameEndpointAndSecret()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var client = api.ClientWithKey(workspace.ApiKey);
        var body = new { url = _receiver.Url.ToString(), events = new[] { "invitation.accepted" } };

        var first = await (await client.SendAsync(ApiClients.Post(WebhookScenario.Webhooks(workspace), body, "hook"))).ReadJsonAsync(HttpStatusCode.Created);
        var second = await client.SendAsync(ApiClients.Post(WebhookScenario.Webhooks(workspace), body, "hook"));

        var replayed = await second.ReadJsonAsync(HttpStatusCode.Created);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal((string?)first["id"], (string?)replayed["id"]);
        Assert.Equal((string?)first["secret"], (string?)replayed["secret"]);
        Assert.Equal(1, await api.DbAsync(db => db.WebhookEndpoints.CountAsync()));
    }
}
