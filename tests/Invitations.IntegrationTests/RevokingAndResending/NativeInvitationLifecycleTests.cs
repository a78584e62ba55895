using System.Net;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.RevokingAndResending;

[Collection(ServiceHostCollection.Name)]
public sealed class NativeInvitationLifecycleTests(ServiceHost api)
{
    [Fact]
    public async Task Revoke_Pending_Returns200Revoked()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, "revoke-me@example.com");

        var body = await (await PostAsync(workspace, invitation, "revoke")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("revoked", (string?)body["status"]);
        Assert.NotNull(body["revoked_at"]);
        var fetched = await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("revoked", (string?)fetched["status"]);
    }

    [Fact]
    public async Task Revoke_Twice_IsNotPending()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, "revoke-twice@example.com");
        await (await PostAsync(workspace, invitation, "revoke")).ReadJsonAsync(HttpStatusCode.OK);

        await ErrorAssert.ProblemAsync(await PostAsync(workspace, invitation, "revoke"), HttpStatusCode.Conflict, "not-pending");
    }

    [Theory]
    [InlineData("revoke")]
    [InlineData("resend")]
    public async Task Action_UnknownInvitation_Is404(string action)
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{Guid.NewGuid()}/{action}", null);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Resend_Pending_Returns202PendingWithRenewedExpiry()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var invitation = await (await api.InviteAsync(workspace, "resend-me@example.com", extra: new { expires_in_days = 1 }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var body = await (await PostAsync(workspace, invitation, "resend")).ReadJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("pending", (string?)body["status"]);
        Assert.Equal("queued", (string?)body["email_status"]);
        Assert.True(body["expires_at"]!.GetValue<DateTimeOffset>() > invitation["expires_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal((long)invitation["user_id"]!, (long)body["user_id"]!);
    }

    [Fact]
    public async Task Resend_WithinMinuteOfResend_Is429WithRetryAfter()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, "eager@example.com");
        await (await PostAsync(workspace, invitation, "resend")).ReadJsonAsync(HttpStatusCode.Accepted);

        var response = await PostAsync(workspace, invitation, "resend");

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.TooManyRequests, "resend-too-soon");
        ErrorAssert.HasRetryAfter(response);
        Assert.True(response.Headers.RetryAfter!.Delta <= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Resend_Revoked_IsNotPending()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, "gone@example.com");
        await (await PostAsync(workspace, invitation, "revoke")).ReadJsonAsync(HttpStatusCode.OK);

        await ErrorAssert.ProblemAsync(await PostAsync(workspace, invitation, "resend"), HttpStatusCode.Conflict, "not-pending");
    }

    [Theory]
    [InlineData("revoke")]
    [InlineData("resend")]
    public async Task Action_OnAccepted_IsNotPending(string action)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, $"joined-{action}@example.com");
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        await ErrorAssert.ProblemAsync(await PostAsync(workspace, invitation, action), HttpStatusCode.Conflict, "not-pending");
    }

    [Fact]
    public async Task RevokeOrResend_WhileTheEmailJobRuns_IsNotAConflict()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var invitation = await (await api.InviteAsync(workspace, $"racing{i}@example.com")).ReadJsonAsync(HttpStatusCode.Created);
            return await PostAsync(workspace, invitation, i % 2 == 0 ? "revoke" : "resend");
        }));

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted,
                $"Got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Members_ListsOwnerAndAcceptedInviteeWithReservedUserId()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "Newcomer@Example.com", "agent");
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);
        await api.InviteWithTokenAsync(workspace, "still-pending@example.com");

        var members = await MembersAsync(workspace);

        Assert.Equal(2, members.Count);
        var owner = Assert.Single(members, m => (long)m["user_id"]! == workspace.OwnerUserId);
        Assert.Equal(workspace.OwnerEmail, (string?)owner["email"]);
        Assert.Equal("owner", (string?)owner["role"]);
        var joined = Assert.Single(members, m => (long)m["user_id"]! == (long)invitation["user_id"]!);
        Assert.Equal("Newcomer@Example.com", (string?)joined["email"]);
        Assert.Equal("agent", (string?)joined["role"]);
        Assert.Equal("Default team", (string?)joined["team"]);
        Assert.Equal("active", (string?)joined["status"]);
    }

    [Fact]
    public async Task Reinvite_AfterRevoke_Is201WithNewInvitation()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (first, _) = await api.InviteWithTokenAsync(workspace, "again@example.com");
        await (await PostAsync(workspace, first, "revoke")).ReadJsonAsync(HttpStatusCode.OK);

        var second = await (await api.InviteAsync(workspace, "AGAIN@example.com")).ReadJsonAsync(HttpStatusCode.Created);

        Assert.NotEqual((string?)first["id"], (string?)second["id"]);
        Assert.Equal("pending", (string?)second["status"]);
    }

    [Fact]
    public async Task Reinvite_AfterAccept_IsAlreadyMember()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (_, token) = await api.InviteWithTokenAsync(workspace, "member-now@example.com");
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        await ErrorAssert.ProblemAsync(await api.InviteAsync(workspace, "member-now@example.com"), HttpStatusCode.Conflict, "already-member");
    }

    private Task<HttpResponseMessage> PostAsync(TestWorkspace workspace, JsonObject invitation, string action) =>
        api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}/{action}", null);

    private async Task<List<JsonNode>> MembersAsync(TestWorkspace workspace)
    {
        var body = await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"/v1/workspaces/{workspace.Id}/members")).ReadJsonAsync(HttpStatusCode.OK);
        return [.. body["items"]!.AsArray().Select(m => m!)];
    }
}
