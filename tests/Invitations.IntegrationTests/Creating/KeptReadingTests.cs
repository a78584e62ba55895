using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Creating;

/// <summary>
/// A node keeps its reading of a workspace and a team between creates (a create then makes one round trip to the database, not
/// two), and the create's write proves that reading: whatever another node changes holds for this node's very next create.
/// Every test first creates once on this node, so that the reading it acts on next is a kept one.
/// </summary>
[Collection(ManualHostCollection.Name)]
public sealed class KeptReadingTests(ManualHost api)
{
    [Fact]
    public async Task APolicyNarrowedOnAnotherNode_RefusesTheNextCreateHere_AndWritesNothing()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await using var other = new SecondHost(api, serverEnabled: false);
        await (await api.InviteAsync(workspace, Mailbox.NewAddress("kept"), sendEmail: false)).ReadJsonAsync(HttpStatusCode.Created);

        await (await other.ClientWithKey(workspace.ApiKey).PutAsJsonAsync(
            WorkspaceRulesScenario.Policy(workspace), new { allowed_domains = new[] { "allowed.example" } })).ReadJsonAsync(HttpStatusCode.OK);
        var before = await api.RowCountsAsync();
        var outside = await api.InviteAsync(workspace, Mailbox.NewAddress("outside"), sendEmail: false);
        var after = await api.RowCountsAsync();
        var inside = await api.InviteAsync(workspace, $"inside-{Guid.NewGuid():N}@allowed.example", sendEmail: false);

        await ErrorAssert.ProblemAsync(outside, HttpStatusCode.Forbidden, "email-domain-not-allowed");
        Assert.Equal(before, after);
        await inside.ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AnInviterWidenedOnAnotherNode_MayInviteHereAtOnce()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var supervisor = await api.MemberKeyAsync(workspace, "team_supervisor");
        await using var other = new SecondHost(api, serverEnabled: false);
        await (await api.InviteAsync(workspace, Mailbox.NewAddress("kept"), sendEmail: false)).ReadJsonAsync(HttpStatusCode.Created);
        using var asSupervisor = api.ClientWithKey(supervisor);
        var invite = new { email = Mailbox.NewAddress("by-supervisor"), role = "teammate", send_email = false };
        await ErrorAssert.ProblemAsync(await asSupervisor.PostAsJsonAsync(ApiClients.Native(workspace), invite), HttpStatusCode.Forbidden, "cannot-invite");

        await (await other.ClientWithKey(workspace.ApiKey).PutAsJsonAsync(
            WorkspaceRulesScenario.Policy(workspace), new { inviter_roles = new[] { "owner", "admin", "team_supervisor" } }))
            .ReadJsonAsync(HttpStatusCode.OK);

        var created = await (await asSupervisor.PostAsJsonAsync(ApiClients.Native(workspace), invite)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("pending", (string?)created["status"]);
    }

    [Fact]
    public async Task ASeatLimitSetOnAnotherNode_IsCountedByTheNextCreateHere()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await using var other = new SecondHost(api, serverEnabled: false);
        await (await api.InviteAsync(workspace, Mailbox.NewAddress("kept"), sendEmail: false)).ReadJsonAsync(HttpStatusCode.Created);

        // The owner and the invitation take both seats. The kept reading had no seat limit: acted on, the create would pass it.
        var set = await other.OperatorClient().PutAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/seats", new { seat_limit = 2 });
        await set.ReadJsonAsync(HttpStatusCode.OK);
        var over = await api.InviteAsync(workspace, Mailbox.NewAddress("over"), sendEmail: false);

        await ErrorAssert.ProblemAsync(over, HttpStatusCode.Conflict, "seat-limit-reached");
        Assert.Equal((1L, 1L), await api.SeatRowsAsync(workspace));
    }

    [Fact]
    public async Task ATeamAddedOnAnotherNode_IsFoundHereAtOnce_UnderItsTitle()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await using var other = new SecondHost(api, serverEnabled: false);
        var team = $"Design {Guid.NewGuid():N}";
        await ErrorAssert.ProblemAsync(
            await api.InviteAsync(workspace, Mailbox.NewAddress("early"), sendEmail: false, extra: new { team }), HttpStatusCode.BadRequest, "team-not-found");

        await (await other.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/teams", new { title = team }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var created = await (await api.InviteAsync(workspace, Mailbox.NewAddress("late"), sendEmail: false, extra: new { team })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(team, (string?)created["team"]);
    }

    [Fact]
    public async Task AMemberAddedOnAnotherNode_IsRefusedHere_AsAMember()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await using var other = new SecondHost(api, serverEnabled: false);
        await (await api.InviteAsync(workspace, Mailbox.NewAddress("kept"), sendEmail: false)).ReadJsonAsync(HttpStatusCode.Created);
        var email = Mailbox.NewAddress("joined-elsewhere");

        await (await other.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/members", new { email, role = "viewer" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var again = await api.InviteAsync(workspace, email.ToUpperInvariant(), sendEmail: false);

        await ErrorAssert.ProblemAsync(again, HttpStatusCode.Conflict, "already-member");
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM invitations WHERE workspace_id = @ws AND normalized_email = @email", ("ws", workspace.Id), ("email", email)));
    }

    [Fact]
    public async Task AMembersAddress_IsRefusedAsAMember_EvenWhereThePolicyWouldAlsoRefuseIt()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("member");
        await api.MemberKeyAsync(workspace, "viewer", email);
        await api.SetPolicyAsync(workspace, new { allowed_domains = new[] { "allowed.example" } });

        var again = await api.InviteAsync(workspace, email, sendEmail: false);

        await ErrorAssert.ProblemAsync(again, HttpStatusCode.Conflict, "already-member");
    }
}
