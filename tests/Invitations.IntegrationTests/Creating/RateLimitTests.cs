using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Creating;

public sealed class RateLimitTests(ApiFactory<RateLimits> daily, ApiFactory<RateLimits> invitee) : IClassFixture<ApiFactory<RateLimits>>
{
    private const string UnknownToken = "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC";

    [Fact]
    public async Task Create_OverDailyLimit_Is429ProblemWithRetryAfter()
    {
        var workspace = await daily.CreateWorkspaceAsync();
        await FillDailyLimitAsync(workspace);
        var before = await daily.RowCountsAsync();

        var response = await daily.InviteAsync(workspace, "one-too-many@example.com");

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.TooManyRequests, "daily-limit");
        ErrorAssert.HasRetryAfter(response);
        Assert.True(response.Headers.RetryAfter!.Delta <= TimeSpan.FromHours(24));
        Assert.Equal(before, await daily.RowCountsAsync());
    }

    [Fact]
    public async Task InviteTeammate_OverDailyLimit_Is429InSeedShapeWithRetryAfter()
    {
        var workspace = await daily.CreateWorkspaceAsync();
        for (var i = 0; i < RateLimits.DailyLimit; i++)
        {
            await (await daily.BearerClient(workspace.ApiKey).PostAsJsonAsync(ApiClients.InviteTeammate, new { email = $"a{i}@example.com" }))
                .ReadJsonAsync(HttpStatusCode.OK);
        }

        var response = await daily.BearerClient(workspace.ApiKey).PostAsJsonAsync(ApiClients.InviteTeammate, new { email = "a-extra@example.com" });

        await ErrorAssert.InviteTeammateAsync(response, HttpStatusCode.TooManyRequests);
        ErrorAssert.HasRetryAfter(response);
    }

    [Fact]
    public async Task WorkspaceInvite_OverDailyLimit_Is429InSeedShapeWithRetryAfter()
    {
        var workspace = await daily.CreateWorkspaceAsync();
        var client = daily.WorkspaceInviteClient(workspace.ApiKey, workspace.Id.ToString());
        for (var i = 0; i < RateLimits.DailyLimit; i++)
        {
            await (await client.PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), new { email = $"b{i}@example.com", role = "viewer" }))
                .ReadJsonAsync(HttpStatusCode.OK);
        }

        var response = await client.PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), new { email = "b-extra@example.com", role = "viewer" });

        await ErrorAssert.WorkspaceInviteAsync(response, HttpStatusCode.TooManyRequests);
        ErrorAssert.HasRetryAfter(response);
    }

    [Fact]
    public async Task Create_AfterRevokingWithinDay_StillCountsAgainstLimit()
    {
        var workspace = await daily.CreateWorkspaceAsync();
        var ids = await FillDailyLimitAsync(workspace);
        await (await daily.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{ids[0]}/revoke", null))
            .ReadJsonAsync(HttpStatusCode.OK);

        await ErrorAssert.ProblemAsync(await daily.InviteAsync(workspace, "after-revoke@example.com"), HttpStatusCode.TooManyRequests, "daily-limit");
    }

    [Fact]
    public async Task Create_WhenAnotherWorkspaceIsAtLimit_Is201()
    {
        var (full, fresh) = (await daily.CreateWorkspaceAsync(), await daily.CreateWorkspaceAsync());
        await FillDailyLimitAsync(full);

        await (await daily.InviteAsync(fresh, "unaffected@example.com")).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("lookup", "10.0.0.1")]
    [InlineData("accept", "10.0.0.2")]
    [InlineData("decline", "10.0.0.7")]
    public async Task Invitee_SixthRequestInAMinute_Is429WithRetryAfter(string route, string address)
    {
        var client = invitee.ClientFrom(address);
        for (var i = 0; i < RateLimits.InviteeLimit; i++)
        {
            await ErrorAssert.ProblemAsync(await PostTokenAsync(client, route, UnknownToken), HttpStatusCode.NotFound, "not-found");
        }

        var response = await PostTokenAsync(client, route, UnknownToken);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.TooManyRequests, "rate-limited");
        ErrorAssert.HasRetryAfter(response);
        Assert.True(response.Headers.RetryAfter!.Delta <= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Invitee_LookupsAcceptsAndDeclines_ShareOneBudget()
    {
        var client = invitee.ClientFrom("10.0.0.3");
        for (var i = 0; i < RateLimits.InviteeLimit; i++)
        {
            await PostTokenAsync(client, (i % 3) switch { 0 => "lookup", 1 => "accept", _ => "decline" }, UnknownToken);
        }

        await ErrorAssert.ProblemAsync(await PostTokenAsync(client, "accept", UnknownToken), HttpStatusCode.TooManyRequests, "rate-limited");
        await ErrorAssert.ProblemAsync(await PostTokenAsync(client, "decline", UnknownToken), HttpStatusCode.TooManyRequests, "rate-limited");
    }

    [Fact]
    public async Task Invitee_OverLimit_AcceptsNothingEvenWithValidToken()
    {
        var workspace = await invitee.CreateWorkspaceAsync();
        var (invitation, token) = await invitee.InviteWithTokenAsync(workspace, "patient@example.com");
        var client = invitee.ClientFrom("10.0.0.4");
        for (var i = 0; i < RateLimits.InviteeLimit; i++)
        {
            await PostTokenAsync(client, "lookup", token);
        }

        await ErrorAssert.ProblemAsync(await PostTokenAsync(client, "accept", token), HttpStatusCode.TooManyRequests, "rate-limited");

        var fetched = await (await invitee.ClientWithKey(workspace.ApiKey).GetAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("pending", (string?)fetched["status"]);
    }

    [Fact]
    public async Task Invitee_OtherAddress_HasItsOwnBudget()
    {
        var exhausted = invitee.ClientFrom("10.0.0.5");
        for (var i = 0; i <= RateLimits.InviteeLimit; i++)
        {
            await PostTokenAsync(exhausted, "lookup", UnknownToken);
        }

        var response = await PostTokenAsync(invitee.ClientFrom("10.0.0.6"), "lookup", UnknownToken);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    private static Task<HttpResponseMessage> PostTokenAsync(HttpClient client, string route, string token) =>
        client.PostAsJsonAsync($"/v1/invitations/{route}", new { token });

    [Fact]
    public async Task ReplaysOfAnIdempotentCreate_DoNotCountAgainstTheDailyLimit()
    {
        var workspace = await daily.CreateWorkspaceAsync();
        var client = daily.ClientWithKey(workspace.ApiKey);
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, ApiClients.Native(workspace))
            {
                Content = JsonContent.Create(new { email = "keyed@example.com", role = "viewer" }),
            };
            request.Headers.Add("Idempotency-Key", "counted-once");
            await (await client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.Created);
        }

        // The limit is 3: one create, two replays, so two more creates fit and the one after does not.
        await (await daily.InviteAsync(workspace, "second@example.com")).ReadJsonAsync(HttpStatusCode.Created);
        await (await daily.InviteAsync(workspace, "third@example.com")).ReadJsonAsync(HttpStatusCode.Created);
        await ErrorAssert.ProblemAsync(await daily.InviteAsync(workspace, "fourth@example.com"), HttpStatusCode.TooManyRequests, "daily-limit");
    }

    private async Task<List<string>> FillDailyLimitAsync(TestWorkspace workspace)
    {
        var ids = new List<string>();
        for (var i = 0; i < RateLimits.DailyLimit; i++)
        {
            var body = await (await daily.InviteAsync(workspace, $"fill{i}@example.com")).ReadJsonAsync(HttpStatusCode.Created);
            ids.Add((string)body["id"]!);
        }

        return ids;
    }
}
