using System.Net;
using System.Net.Http.Json;
using Invitations.IntegrationTests.Creating;

namespace Invitations.IntegrationTests.JoinLinks;

/// <summary>
/// A join counts against the workspace's daily limit like any create, and the public join-link routes share the invitee
/// routes' budget per client address (here: 3 creates a day, 5 requests a minute).
/// </summary>
public sealed class JoinLinkLimitsTests(ApiFactory<RateLimits> api) : IClassFixture<ApiFactory<RateLimits>>
{
    [Fact]
    public async Task AJoinPastTheDailyLimit_MakesNothing_AndCountsNoUse_ThoughItIsAnsweredTheSame()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (link, token) = await api.CreateJoinLinkAsync(workspace);
        Assert.NotNull((await api.JoinNowAsync(JoinLinkScenario.IdOf(link), Mailbox.NewAddress("joined"))).InvitationId);
        for (var i = 1; i < RateLimits.DailyLimit; i++)
        {
            await api.InvitationIdAsync(workspace);
        }

        var joined = await api.JoinAsync(token, Mailbox.NewAddress("over-limit"));
        await api.WaitForJoinsAsync();

        Assert.Equal(HttpStatusCode.Accepted, joined.StatusCode);
        Assert.Equal(RateLimits.DailyLimit, (await api.InvitationsAsync(workspace)).Count);
        Assert.Equal(1, (int)(await api.GetJoinLinkAsync(workspace, JoinLinkScenario.IdOf(link)))["uses"]!);
        await ErrorAssert.ProblemAsync(await api.InviteAsync(workspace, Mailbox.NewAddress("native")), HttpStatusCode.TooManyRequests, "daily-limit");
    }

    [Fact]
    public async Task TheJoinRoutes_SpendTheInviteeBudgetOfTheClientAddress_AndThenAre429WithRetryAfter()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (_, token) = await api.CreateJoinLinkAsync(workspace);
        var client = api.ClientFrom("10.7.0.1");

        var invitee = await client.PostAsJsonAsync("/v1/invitations/lookup", new { token = "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC" });
        Assert.Equal(HttpStatusCode.NotFound, invitee.StatusCode);
        for (var i = 1; i < RateLimits.InviteeLimit; i++)
        {
            var response = i % 2 == 0 ? await client.LookupJoinLinkAsync(token) : await client.JoinAsync(token, Mailbox.NewAddress($"budget{i}"));
            Assert.True(response.IsSuccessStatusCode, $"Request {i} got {(int)response.StatusCode}");
        }

        var join = await client.JoinAsync(token, Mailbox.NewAddress("sixth"));
        var lookup = await client.LookupJoinLinkAsync(token);
        var elsewhere = await api.ClientFrom("10.7.0.2").JoinAsync(token, Mailbox.NewAddress("elsewhere"));

        await ErrorAssert.ProblemAsync(join, HttpStatusCode.TooManyRequests, "rate-limited");
        ErrorAssert.HasRetryAfter(join);
        await ErrorAssert.ProblemAsync(lookup, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Equal(HttpStatusCode.Accepted, elsewhere.StatusCode);
    }
}
