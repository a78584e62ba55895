using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>
/// The service as a real process with a subscribed endpoint, killed (SIGKILL) while deliveries are in flight, then
/// started again: every event arrives, and one arrives twice only if the receiver had it before the kill (the batch
/// the kill cut short, before the process could record it).
/// </summary>
[LongRunning]
public sealed class WebhookProcessKillTests : IAsyncLifetime
{
    private const string OperatorKey = "webhook-kill-operator-key";
    private const int Invitations = 120;
    private string _database = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task KilledWhileDelivering_EveryEventArrivesAfterTheRestart_OnlyTheBatchInFlightTwice()
    {
        _receiver.Delay = TimeSpan.FromMilliseconds(100);
        var url = $"http://127.0.0.1:{ServiceProcess.FreePort()}";
        List<Guid> ids = [];
        await using (var first = await StartAsync(url))
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            var workspace = await Scenario.CreateWorkspaceAsync(client, OperatorKey, "Webhook kill test");
            client.DefaultRequestHeaders.Add("x-api-key", workspace.ApiKey);
            (await client.PostAsJsonAsync($"/v1/workspaces/{workspace.Id}/webhooks", new { url = _receiver.Url, events = new[] { "invitation.created" } }))
                .EnsureSuccessStatusCode();
            // One bulk request: every event is owed at once, so the kill lands mid-delivery however slow the machine is.
            var bulk = await (await client.PostAsJsonAsync(
                    $"/v1/workspaces/{workspace.Id}/invitations/bulk",
                    new { invitations = Enumerable.Range(0, Invitations).Select(i => new { email = Mailbox.NewAddress($"hook{i}"), role = "viewer", send_email = false }) }))
                .ReadJsonAsync(HttpStatusCode.OK);
            ids.AddRange(bulk["results"]!.AsArray().Select(r => r!["invitation"]!["id"]!.GetValue<Guid>()));
            Assert.Equal(Invitations, ids.Count);

            await _receiver.WaitForCountAsync(_ => true, 10, TimeSpan.FromSeconds(60));
            first.Kill();
        }

        Assert.True(_receiver.Received.Select(r => r.Id).Distinct().Count() < Invitations, "Everything was delivered before the kill; nothing was tested.");
        var secondStartedAt = DateTimeOffset.UtcNow;
        await using var second = await StartAsync(url);

        await _receiver.WaitForCountAsync(r => FirstOfItsId(r), Invitations, TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate in the making would land now
        var byInvitation = _receiver.Received.GroupBy(InvitationId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(ids.Order(), byInvitation.Keys.Order());
        foreach (var copies in byInvitation.Values.Where(c => c.Count > 1))
        {
            Assert.Equal(2, copies.Count);
            Assert.Equal(copies[0].Id, copies[1].Id);
            Assert.True(copies[0].ReceivedAt < secondStartedAt, "An event was delivered twice by the restarted service.");
        }
    }

    private bool FirstOfItsId(ReceivedWebhook webhook) => _receiver.Received.First(r => r.Id == webhook.Id) == webhook;

    private static Guid InvitationId(ReceivedWebhook webhook) =>
        webhook.Json.GetProperty("data").GetProperty("invitation").GetProperty("id").GetGuid();

    private async Task<ServiceProcess> StartAsync(string url)
    {
        var service = ServiceProcess.StartApi(new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = url,
            ["ConnectionStrings__Invitations"] = _database,
            ["Operator__ApiKey"] = OperatorKey,
            ["Email__Transport"] = "Directory",
            ["Email__DirectoryPath"] = Path.Combine(Path.GetTempPath(), "webhook-kill-mail"),
            ["Webhooks__AllowPrivateNetworks"] = "true",
        });
        Assert.True(await service.WaitForOutputAsync("Now listening on:", TimeSpan.FromSeconds(60)), service.Output);
        return service;
    }
}
