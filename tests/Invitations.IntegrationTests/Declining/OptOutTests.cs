using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Declining;

/// <summary>"Don't invite me again": every create route refuses the address until an owner or admin lifts it.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class OptOutTests(ServiceHost api)
{
    [Fact]
    public async Task DeclineWithBlock_EveryCreateRouteRefusesTheAddress_AndWritesNothing()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (_, token) = await api.InviteWithTokenAsync(workspace, "Leave.Me@Example.com");
        await (await api.DeclineAsync(token, "Not interested", block: true)).ReadJsonAsync(HttpStatusCode.OK);
        var before = await api.RowCountsAsync();

        var native = await ErrorAssert.ProblemAsync(
            await api.InviteAsync(workspace, "leave.me@example.com"), HttpStatusCode.Conflict, "invitee-opted-out");
        Assert.Contains("leave.me@example.com", (string?)native["detail"]);
        await ErrorAssert.InviteTeammateAsync(
            await api.BearerClient(workspace.ApiKey).PostAsJsonAsync(ApiClients.InviteTeammate, new { email = "LEAVE.ME@example.com" }),
            HttpStatusCode.Conflict);
        await ErrorAssert.WorkspaceInviteAsync(
            await api.WorkspaceInviteClient(workspace.ApiKey, workspace.Id.ToString())
                .PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), new { email = "leave.me@example.com", role = "viewer" }),
            HttpStatusCode.Conflict);
        var bulk = await (await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(
                $"{ApiClients.Native(workspace)}/bulk",
                new { invitations = new object[] { new { email = "leave.me@EXAMPLE.com" } }, defaults = new { role = "viewer" } }))
            .ReadJsonAsync(HttpStatusCode.OK);

        var row = bulk["results"]![0]!;
        Assert.Equal("opted_out", (string?)row["status"]);
        Assert.EndsWith("invitee-opted-out", (string?)row["error"]!["type"]);
        Assert.Equal(before, await api.RowCountsAsync());
        var optOut = Assert.Single(await api.OptOutListAsync(workspace))!;
        Assert.Equal("Leave.Me@Example.com", (string?)optOut["email"]);
        Assert.Equal("Not interested", (string?)optOut["reason"]);
        Assert.NotNull(optOut["created_at"]);
    }

    [Fact]
    public async Task LiftingTheOptOut_LetsTheWorkspaceInviteTheAddressAgain()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (_, token) = await api.InviteWithTokenAsync(workspace, "changed-mind@example.com");
        await (await api.DeclineAsync(token, block: true)).ReadJsonAsync(HttpStatusCode.OK);

        var lifted = await api.ClientWithKey(workspace.ApiKey).DeleteAsync($"{InviteeScenario.OptOuts(workspace)}/Changed-Mind%40Example.com");

        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.Empty(await api.OptOutListAsync(workspace));
        await (await api.InviteAsync(workspace, "changed-mind@example.com", sendEmail: false)).ReadJsonAsync(HttpStatusCode.Created);
        await ErrorAssert.ProblemAsync(
            await api.ClientWithKey(workspace.ApiKey).DeleteAsync($"{InviteeScenario.OptOuts(workspace)}/changed-mind@example.com"),
            HttpStatusCode.NotFound, "opt-out-not-found");
    }

    [Fact]
    public async Task OptOuts_OtherKeys_AreRefused_AndChangeNothing()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var other = await api.CreateWorkspaceAsync("Elsewhere");
        var (_, token) = await api.InviteWithTokenAsync(workspace, "private@example.com");
        await (await api.DeclineAsync(token, block: true)).ReadJsonAsync(HttpStatusCode.OK);
        var viewer = api.ClientWithKey(await api.MemberKeyAsync(workspace, "viewer"));
        var stranger = api.ClientWithKey(other.ApiKey);
        var lift = $"{InviteeScenario.OptOuts(workspace)}/private@example.com";

        await ErrorAssert.ProblemAsync(await viewer.GetAsync(InviteeScenario.OptOuts(workspace)), HttpStatusCode.Forbidden);
        await ErrorAssert.ProblemAsync(await viewer.DeleteAsync(lift), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(InviteeScenario.OptOuts(workspace))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.DeleteAsync(lift)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().DeleteAsync(lift)).StatusCode);

        Assert.Single(await api.OptOutListAsync(workspace));
        Assert.Empty(await api.OptOutListAsync(other));
        await ErrorAssert.ProblemAsync(await api.InviteAsync(workspace, "private@example.com"), HttpStatusCode.Conflict, "invitee-opted-out");
        await (await api.InviteAsync(other, "private@example.com", sendEmail: false)).ReadJsonAsync(HttpStatusCode.Created);
    }
}
