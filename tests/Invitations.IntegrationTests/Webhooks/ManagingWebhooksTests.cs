using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>
/// Registering, reading, changing and removing endpoints. The URLs are on loopback (this host allows private networks)
/// where nothing listens, and nothing is sent to them: registering sends nothing, and these tests change no invitation.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class ManagingWebhooksTests(ServiceHost api)
{
    [Fact]
    public async Task Register_ReturnsTheSecretOnce_ReadsNeverShowIt()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var client = api.ClientWithKey(workspace.ApiKey);

        var response = await client.PostAsJsonAsync(
            WebhookScenario.Webhooks(workspace), new { url = "http://127.0.0.1:9/hooks", description = "CRM sync" });

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal($"/v1/workspaces/{workspace.Id}/webhooks/{id}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("whsec_", (string?)created["secret"]);
        Assert.Equal(32, Convert.FromBase64String(((string)created["secret"]!)["whsec_".Length..]).Length);
        Assert.Equal(["*"], created["events"]!.AsArray().Select(e => (string?)e));
        Assert.True((bool)created["enabled"]!);
        Assert.Equal("CRM sync", (string?)created["description"]);
        Assert.NotNull(created["created_at"]);

        var read = await api.GetWebhookAsync(workspace, id);
        var listed = (await (await client.GetAsync(WebhookScenario.Webhooks(workspace))).ReadJsonAsync(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Null(read["secret"]);
        Assert.DoesNotContain((string)created["secret"]!, read.ToJsonString());
        Assert.Equal(id, Assert.Single(listed)!["id"]!.GetValue<Guid>());
        Assert.Null(listed[0]!["secret"]);
        await DeleteAsync(workspace, id);
    }

    [Fact]
    public async Task Patch_ChangesUrlEventsAndEnabled_Delete_Removes()
    {
        var (workspace, id) = await RegisteredAsync();
        var client = api.ClientWithKey(workspace.ApiKey);
        var path = $"{WebhookScenario.Webhooks(workspace)}/{id}";

        var changed = await (await client.PatchAsJsonAsync(path, new
        {
            url = "http://127.0.0.1:9/other",
            events = new[] { "invitation.accepted", "invitation.expired" },
            enabled = false,
        })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("http://127.0.0.1:9/other", (string?)changed["url"]);
        Assert.Equal(["invitation.accepted", "invitation.expired"], changed["events"]!.AsArray().Select(e => (string?)e));
        Assert.False((bool)changed["enabled"]!);
        Assert.Null(changed["secret"]);
        Assert.Equal(changed.ToJsonString(), (await api.GetWebhookAsync(workspace, id)).ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(path)).StatusCode);
        await ErrorAssert.ProblemAsync(await client.GetAsync(path), HttpStatusCode.NotFound, "webhook-not-found");
        await ErrorAssert.ProblemAsync(await client.DeleteAsync(path), HttpStatusCode.NotFound, "webhook-not-found");
    }

    [Fact]
    public async Task RotateSecret_Answers201WithANewSecret()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var client = api.ClientWithKey(workspace.ApiKey);
        var created = await (await client.PostAsJsonAsync(WebhookScenario.Webhooks(workspace), new { url = "http://127.0.0.1:9/hooks" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();

        var rotated = await (await client.PostAsync($"{WebhookScenario.Webhooks(workspace)}/{id}/rotate-secret", null))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.StartsWith("whsec_", (string?)rotated["secret"]);
        Assert.NotEqual((string?)created["secret"], (string?)rotated["secret"]);
        Assert.Null((await api.GetWebhookAsync(workspace, id))["secret"]);
        await DeleteAsync(workspace, id);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{}""", "url" },
        { """{"url":""}""", "url" },
        { """{"url":"not a url"}""", "url" },
        { """{"url":"ftp://127.0.0.1/x"}""", "url" },
        { """{"url":"http://127.0.0.1:9/x","events":[]}""", "events" },
        { """{"url":"http://127.0.0.1:9/x","events":["invitation.created","invitation.deleted"]}""", "events" },
        { """{"url":"http://127.0.0.1:9/x","events":["ping"]}""", "events" },
        { """{"url":"http://127.0.0.1:9/x","events":"invitation.created"}""", "" },
        { """{"url":"http://127.0.0.1:9/x","description":"{{long}}"}""", "description" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Register_BadBody_Is400_AndNothingIsWritten(string body, string field)
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.ClientWithKey(workspace.ApiKey)
            .PostRawAsync(WebhookScenario.Webhooks(workspace), body.Replace("{{long}}", new string('d', 1001)));

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        if (field.Length > 0)
        {
            Assert.True(problem["errors"]?.AsObject().ContainsKey(field), $"No error for {field}: {problem.ToJsonString()}");
        }

        Assert.Equal(0, await WebhookCountAsync());
    }

    [Fact]
    public async Task ATeammatesKey_CannotManageWebhooks()
    {
        var (workspace, id) = await RegisteredAsync();
        var teammate = api.ClientWithKey(await api.MemberKeyAsync(workspace, "teammate"));
        var path = $"{WebhookScenario.Webhooks(workspace)}/{id}";

        await ErrorAssert.ProblemAsync(
            await teammate.PostAsJsonAsync(WebhookScenario.Webhooks(workspace), new { url = "http://127.0.0.1:9/x" }),
            HttpStatusCode.Forbidden, "cannot-manage-webhooks");
        await ErrorAssert.ProblemAsync(await teammate.GetAsync(WebhookScenario.Webhooks(workspace)), HttpStatusCode.Forbidden, "cannot-manage-webhooks");
        await ErrorAssert.ProblemAsync(await teammate.GetAsync(path), HttpStatusCode.Forbidden, "cannot-manage-webhooks");
        await ErrorAssert.ProblemAsync(await teammate.DeleteAsync(path), HttpStatusCode.Forbidden, "cannot-manage-webhooks");
        await ErrorAssert.ProblemAsync(await teammate.PostAsync($"{path}/rotate-secret", null), HttpStatusCode.Forbidden, "cannot-manage-webhooks");
        await ErrorAssert.ProblemAsync(await teammate.PostAsync($"{path}/test", null), HttpStatusCode.Forbidden, "cannot-manage-webhooks");
        Assert.Equal(1, await WebhookCountAsync());
        await DeleteAsync(workspace, id);
    }

    [Fact]
    public async Task AnotherWorkspacesKey_SeesNoneOfTheRoutes()
    {
        var (workspace, id) = await RegisteredAsync();
        var stranger = api.ClientWithKey((await api.CreateWorkspaceAsync("Stranger")).ApiKey);
        var path = $"{WebhookScenario.Webhooks(workspace)}/{id}";
        var delivery = Guid.NewGuid();

        HttpResponseMessage[] responses =
        [
            await stranger.PostAsJsonAsync(WebhookScenario.Webhooks(workspace), new { url = "http://127.0.0.1:9/x" }),
            await stranger.GetAsync(WebhookScenario.Webhooks(workspace)),
            await stranger.GetAsync(path),
            await stranger.PatchAsJsonAsync(path, new { enabled = false }),
            await stranger.DeleteAsync(path),
            await stranger.PostAsync($"{path}/rotate-secret", null),
            await stranger.PostAsync($"{path}/test", null),
            await stranger.GetAsync($"{path}/deliveries"),
            await stranger.PostAsync($"{path}/deliveries/{delivery}/retry", null),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var still = await api.GetWebhookAsync(workspace, id);
        Assert.True((bool)still["enabled"]!);
        Assert.Equal(0, await api.DbAsync(db => db.WebhookEvents.CountAsync()));
        await DeleteAsync(workspace, id);
    }

    [Fact]
    public async Task AnotherWorkspacesWebhook_Is404ThroughYourOwnWorkspace()
    {
        var (workspace, id) = await RegisteredAsync();
        var mine = await api.CreateWorkspaceAsync("Mine");

        var response = await api.ClientWithKey(mine.ApiKey).GetAsync($"{WebhookScenario.Webhooks(mine)}/{id}");

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.NotFound, "webhook-not-found");
        await DeleteAsync(workspace, id);
    }

    [Fact]
    public async Task Deliveries_BadStatusOrCursor_Is400()
    {
        var (workspace, id) = await RegisteredAsync();
        var client = api.ClientWithKey(workspace.ApiKey);
        var path = $"{WebhookScenario.Webhooks(workspace)}/{id}/deliveries";

        await ErrorAssert.ProblemAsync(await client.GetAsync($"{path}?status=done"), HttpStatusCode.BadRequest);
        await ErrorAssert.ProblemAsync(await client.GetAsync($"{path}?cursor=garbage"), HttpStatusCode.BadRequest);
        await ErrorAssert.ProblemAsync(
            await client.PostAsync($"{path}/{Guid.NewGuid()}/retry", null), HttpStatusCode.NotFound, "webhook-delivery-not-found");
        Assert.Empty((await (await client.GetAsync($"{path}?status=pending")).ReadJsonAsync(HttpStatusCode.OK))["items"]!.AsArray());
        await DeleteAsync(workspace, id);
    }

    private async Task<(TestWorkspace Workspace, Guid Id)> RegisteredAsync()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var created = await (await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(
            WebhookScenario.Webhooks(workspace), new { url = "http://127.0.0.1:9/hooks" })).ReadJsonAsync(HttpStatusCode.Created);
        return (workspace, created["id"]!.GetValue<Guid>());
    }

    private async Task DeleteAsync(TestWorkspace workspace, Guid id) =>
        Assert.Equal(HttpStatusCode.NoContent, (await api.ClientWithKey(workspace.ApiKey).DeleteAsync($"{WebhookScenario.Webhooks(workspace)}/{id}")).StatusCode);

    private Task<int> WebhookCountAsync() => api.DbAsync(db => db.WebhookEndpoints.CountAsync());
}
