using System.Net;

namespace Invitations.IntegrationTests.JoinLinks;

/// <summary>A link stops admitting anyone when it expires, is disabled or is rotated, at once and on every route (contract §13).</summary>
[Collection(ManualHostCollection.Name)]
public sealed class JoinLinkLifecycleTests(ManualHost api)
{
    [Fact]
    public async Task ALinkPastItsExpiry_LooksUpAsExpired_AndRefusesJoinsWith410()
    {
        var workspace = await api.StartCleanAsync();
        var (link, token) = await api.CreateJoinLinkAsync(workspace, new { expires_in_days = 2 });
        var made = link["expires_at"]!.GetValue<DateTimeOffset>() - link["created_at"]!.GetValue<DateTimeOffset>();

        api.FakeClock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        var before = await api.JoinAsync(token, Mailbox.NewAddress("in-time"));
        api.FakeClock.Advance(TimeSpan.FromSeconds(1));
        var after = await api.JoinAsync(token, Mailbox.NewAddress("too-late"));

        Assert.Equal(TimeSpan.FromDays(2), made);
        Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        var problem = await ErrorAssert.ProblemAsync(after, HttpStatusCode.Gone, "join-link-closed");
        Assert.Equal("expired", (string?)problem["join_link_status"]);
        Assert.Equal("expired", (string?)(await (await api.CreateClient().LookupJoinLinkAsync(token)).ReadJsonAsync(HttpStatusCode.OK))["status"]);
        Assert.Equal("expired", (string?)(await api.GetJoinLinkAsync(workspace, JoinLinkScenario.IdOf(link)))["status"]);
    }

    [Fact]
    public async Task ADisabledLink_RefusesJoinsAtOnce_AndAJoinQueuedBeforeMakesNothing()
    {
        var workspace = await api.StartCleanAsync();
        var (link, token) = await api.CreateJoinLinkAsync(workspace);
        var queuedEarlier = Mailbox.NewAddress("queued");
        Assert.Equal(HttpStatusCode.Accepted, (await api.JoinAsync(token, queuedEarlier)).StatusCode);

        var disabled = await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{JoinLinkScenario.JoinLinks(workspace)}/{link["id"]}/disable", null))
            .ReadJsonAsync(HttpStatusCode.OK);
        var refused = await api.JoinAsync(token, Mailbox.NewAddress("after"));
        var outcome = await api.JoinNowAsync(JoinLinkScenario.IdOf(link), queuedEarlier);

        Assert.Equal("disabled", (string?)disabled["status"]);
        Assert.NotNull(disabled["disabled_at"]);
        Assert.Equal("disabled", (string?)(await ErrorAssert.ProblemAsync(refused, HttpStatusCode.Gone, "join-link-closed"))["join_link_status"]);
        Assert.Equal("disabled", (string?)(await (await api.CreateClient().LookupJoinLinkAsync(token)).ReadJsonAsync(HttpStatusCode.OK))["status"]);
        Assert.Equal(("join-link-closed", null), (outcome.Refusal, outcome.InvitationId));
        Assert.Empty(await api.JoinLinkInvitationsAsync(workspace, JoinLinkScenario.IdOf(link)));
    }

    [Fact]
    public async Task Rotate_KillsTheOldTokenAtOnce_KeepsTheIdAndTheUses_AndTheNewUrlWorks()
    {
        var workspace = await api.StartCleanAsync();
        var (link, oldToken) = await api.CreateJoinLinkAsync(workspace, new { max_uses = 10 });
        var id = JoinLinkScenario.IdOf(link);
        Assert.NotNull((await api.JoinNowAsync(id, Mailbox.NewAddress("before-rotation"))).InvitationId);

        var response = await api.ClientWithKey(workspace.ApiKey).PostAsync($"{JoinLinkScenario.JoinLinks(workspace)}/{id}/rotate", null);
        var rotated = await response.ReadJsonAsync(HttpStatusCode.Created);
        var newToken = JoinLinkScenario.TokenOf(rotated["url"]!.GetValue<string>());

        Assert.NotEqual(oldToken, newToken);
        Assert.Equal((id, 1, "active"), (JoinLinkScenario.IdOf(rotated), (int)rotated["uses"]!, (string)rotated["status"]!));
        await ErrorAssert.ProblemAsync(await api.CreateClient().LookupJoinLinkAsync(oldToken), HttpStatusCode.NotFound, "join-link-not-found");
        await ErrorAssert.ProblemAsync(await api.JoinAsync(oldToken, Mailbox.NewAddress("old-link")), HttpStatusCode.NotFound, "join-link-not-found");
        Assert.Equal("active", (string?)(await (await api.CreateClient().LookupJoinLinkAsync(newToken)).ReadJsonAsync(HttpStatusCode.OK))["status"]);
        Assert.Equal(HttpStatusCode.Accepted, (await api.JoinAsync(newToken, Mailbox.NewAddress("new-link"))).StatusCode);
        Assert.Equal(1, (int)(await api.GetJoinLinkAsync(workspace, id))["uses"]!);
    }

    [Fact]
    public async Task AnUnknownToken_Is404WithoutSayingWhy_OnLookupAndJoin()
    {
        const string Unknown = "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC";
        var before = await api.RowCountsAsync();

        var lookup = await ErrorAssert.ProblemAsync(await api.CreateClient().LookupJoinLinkAsync(Unknown), HttpStatusCode.NotFound, "join-link-not-found");
        var join = await ErrorAssert.ProblemAsync(await api.JoinAsync(Unknown, "someone@example.com"), HttpStatusCode.NotFound, "join-link-not-found");

        Assert.Equal(lookup["detail"]!.ToJsonString(), join["detail"]!.ToJsonString());
        Assert.Equal(before, await api.RowCountsAsync());
    }
}
