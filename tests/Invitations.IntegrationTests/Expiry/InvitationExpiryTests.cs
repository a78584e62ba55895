using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.Expiry;

[Collection(ManualHostCollection.Name)]
public sealed class InvitationExpiryTests(ManualHost api)
{
    [Fact]
    public async Task Accept_PastExpiry_Is410AndMakesNoMember()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (_, token) = await InviteForADayAsync(workspace, "late@example.com");
        api.FakeClock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        await ErrorAssert.ProblemAsync(await api.AcceptAsync(token), HttpStatusCode.Gone, "expired");
        Assert.False(await api.DbAsync(db => db.Members.AnyAsync(m => m.NormalizedEmail == "late@example.com")));
    }

    [Fact]
    public async Task Lookup_PastExpiry_SaysExpired()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (_, token) = await InviteForADayAsync(workspace, "looked-late@example.com");
        api.FakeClock.Advance(TimeSpan.FromDays(2));

        var body = await (await api.CreateClient().PostAsync("/v1/invitations/lookup", JsonBody(token))).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("expired", (string?)body["status"]);
    }

    [Fact]
    public async Task GetAndList_PastExpiry_ShowExpired()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, _) = await InviteForADayAsync(workspace, "listed-late@example.com");
        api.FakeClock.Advance(TimeSpan.FromDays(2));
        var client = api.ClientWithKey(workspace.ApiKey);

        var fetched = await (await client.GetAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}")).ReadJsonAsync(HttpStatusCode.OK);
        var expired = await (await client.GetAsync($"{ApiClients.Native(workspace)}?status=expired")).ReadJsonAsync(HttpStatusCode.OK);
        var pending = await (await client.GetAsync($"{ApiClients.Native(workspace)}?status=pending")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("expired", (string?)fetched["status"]);
        Assert.Equal((string?)invitation["id"], (string?)Assert.Single(expired["items"]!.AsArray())!["id"]);
        Assert.Empty(pending["items"]!.AsArray());
    }

    [Fact]
    public async Task Resend_PastExpiry_IsPendingAgainWithFreshLifetime()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await InviteForADayAsync(workspace, "revived@example.com");
        api.FakeClock.Advance(TimeSpan.FromDays(3));

        var body = await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}/resend", null))
            .ReadJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("pending", (string?)body["status"]);
        Assert.Equal(api.FakeClock.GetUtcNow() + TimeSpan.FromDays(1), body["expires_at"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMilliseconds(1));
        await ErrorAssert.ProblemAsync(await api.AcceptAsync(token), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Reinvite_PastExpiryBeforeTheSweep_Is201()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await InviteForADayAsync(workspace, "second-chance@example.com");
        api.FakeClock.Advance(TimeSpan.FromDays(2));

        var body = await (await api.InviteAsync(workspace, "second-chance@example.com", sendEmail: false)).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("pending", (string?)body["status"]);
    }

    private async Task<(JsonObject Invitation, string Token)> InviteForADayAsync(TestWorkspace workspace, string email)
    {
        var invitation = await (await api.InviteAsync(workspace, email, sendEmail: false, extra: new { expires_in_days = 1 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return (invitation, Scenario.TokenOf((string)invitation["accept_url"]!));
    }

    private static StringContent JsonBody(string token) =>
        new(new JsonObject { ["token"] = token }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
