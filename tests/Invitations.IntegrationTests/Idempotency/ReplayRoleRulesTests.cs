using System.Net;
namespace Invitations.IntegrationTests.Idempotency;

/// <summary>
/// contract §9: a key answers only a caller who may make the request now. A viewer's key of the same workspace that sends
/// an owner's request with the owner's Idempotency-Key gets the 403 it gets without the key: never the remembered
/// response (a webhook's signing secret, an accept link), nor the key's mismatch (422) or in-use (409) answers.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class ReplayRoleRulesTests(ServiceHost api) : IAsyncLifetime
{
    private const string Replayed = "Idempotent-Replayed";
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task AViewersReplayOfAnOwnersWebhookCreation_Is403_WithoutTheSecret()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var viewerKey = await api.MemberKeyAsync(workspace, "viewer");
        var body = new { url = _receiver.Url.ToString() };
        var created = await (await Send(workspace.ApiKey, WebhookScenario.Webhooks(workspace), body, "hook-1")).ReadJsonAsync(HttpStatusCode.Created);

        var viewer = await Send(viewerKey, WebhookScenario.Webhooks(workspace), body, "hook-1");
        var owner = await Send(workspace.ApiKey, WebhookScenario.Webhooks(workspace), body, "hook-1");

        await ErrorAssert.ProblemAsync(viewer, HttpStatusCode.Forbidden, "cannot-manage-webhooks");
        Assert.False(viewer.Headers.Contains(Replayed));
        Assert.DoesNotContain((string)created["secret"]!, await viewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((string?)created["secret"], (string?)(await owner.ReadJsonAsync(HttpStatusCode.Created))["secret"]);
        Assert.True(owner.Headers.Contains(Replayed));
    }

    [Fact]
    public async Task AViewersReplayOfASelfDeliveredCreate_Is403_WithoutTheAcceptUrl()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var viewerKey = await api.MemberKeyAsync(workspace, "viewer");
        var body = new { email = "self-delivered@example.com", role = "editor", send_email = false };
        var created = await (await Send(workspace.ApiKey, ApiClients.Native(workspace), body, "create-1")).ReadJsonAsync(HttpStatusCode.Created);

        var viewer = await Send(viewerKey, ApiClients.Native(workspace), body, "create-1");

        await ErrorAssert.ProblemAsync(viewer, HttpStatusCode.Forbidden, "cannot-invite");
        Assert.False(viewer.Headers.Contains(Replayed));
        var token = Scenario.TokenOf((string)created["accept_url"]!);
        Assert.DoesNotContain(token, await viewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewersReplayOnEachInvitationWriteRoute_Is403_InTheRoutesOwnShape()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var viewerKey = await api.MemberKeyAsync(workspace, "viewer");
        var id = await api.InvitationIdAsync(workspace);
        var resend = $"{ApiClients.Native(workspace)}/{id}/resend";
        var teammate = new { email = "compat-a@example.com" };
        var invite = new { email = "compat-b@example.com", role = "viewer" };
        await (await Send(workspace.ApiKey, resend, null, "resend-1")).ReadJsonAsync(HttpStatusCode.Accepted);
        await (await api.BearerClient(workspace.ApiKey).SendAsync(ApiClients.Post(ApiClients.InviteTeammate, teammate, "tm-1"))).ReadJsonAsync(HttpStatusCode.OK);
        await (await api.WorkspaceInviteClient(workspace.ApiKey, workspace.Id.ToString())
            .SendAsync(ApiClients.Post(ApiClients.WorkspaceInvite(workspace.Id), invite, "wi-1"))).ReadJsonAsync(HttpStatusCode.OK);

        var viewerResend = await Send(viewerKey, resend, null, "resend-1");
        var viewerTeammate = await api.BearerClient(viewerKey).SendAsync(ApiClients.Post(ApiClients.InviteTeammate, teammate, "tm-1"));
        var viewerInvite = await api.WorkspaceInviteClient(viewerKey, workspace.Id.ToString())
            .SendAsync(ApiClients.Post(ApiClients.WorkspaceInvite(workspace.Id), invite, "wi-1"));

        await ErrorAssert.ProblemAsync(viewerResend, HttpStatusCode.Forbidden, "cannot-invite");
        await ErrorAssert.InviteTeammateAsync(viewerTeammate, HttpStatusCode.Forbidden);
        await ErrorAssert.WorkspaceInviteAsync(viewerInvite, HttpStatusCode.Forbidden);
        Assert.All([viewerResend, viewerTeammate, viewerInvite], r => Assert.False(r.Headers.Contains(Replayed)));
    }

    [Fact]
    public async Task AViewerUsingAnOwnersKeyForAnotherRequest_Is403_NotTheMismatch()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var viewerKey = await api.MemberKeyAsync(workspace, "viewer");
        await (await Send(workspace.ApiKey, ApiClients.Native(workspace), new { email = "first@example.com", role = "editor" }, "k"))
            .ReadJsonAsync(HttpStatusCode.Created);

        var viewer = await Send(viewerKey, ApiClients.Native(workspace), new { email = "other@example.com", role = "editor" }, "k");

        await ErrorAssert.ProblemAsync(viewer, HttpStatusCode.Forbidden, "cannot-invite");
    }

    [Fact]
    public async Task AViewerUsingAKeyWhileItsRequestRuns_Is403_NotInUse()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var viewerKey = await api.MemberKeyAsync(workspace, "viewer");
        await using var holder = await IdempotencyKeyLock.HoldAsync(api.ConnectionString, workspace.Id, "busy");

        var viewer = await Send(viewerKey, WebhookScenario.Webhooks(workspace), new { url = _receiver.Url.ToString() }, "busy");
        var owner = await Send(workspace.ApiKey, WebhookScenario.Webhooks(workspace), new { url = _receiver.Url.ToString() }, "busy");

        await ErrorAssert.ProblemAsync(viewer, HttpStatusCode.Forbidden, "cannot-manage-webhooks");
        await ErrorAssert.ProblemAsync(owner, HttpStatusCode.Conflict, "idempotency-key-in-use");
    }

    private Task<HttpResponseMessage> Send(string apiKey, string path, object? body, string key) =>
        api.ClientWithKey(apiKey).SendAsync(ApiClients.Post(path, body, key));
}
