using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Seats;

/// <summary>
/// What holds a seat and when it frees (contract §12): members, and pending invitations until they are accepted, revoked,
/// declined or past <c>expires_at</c> — at that instant, swept or not. The workspace's owner is its first member.
/// </summary>
[Collection(ManualHostCollection.Name)]
public sealed class SeatLimitTests(ManualHost api)
{
    [Fact]
    public async Task Seats_AgreeWithTheRows_ThroughEveryWayASeatIsTakenOrFreed()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetSeatLimitAsync(workspace, 10);
        await api.MemberKeyAsync(workspace, "editor");
        var (_, accepting) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("accepts"));
        var (_, declining) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("declines"));
        var revoked = await api.InvitationIdAsync(workspace);
        await api.InvitationIdAsync(workspace, expiresInDays: 1);
        await api.InvitationIdAsync(workspace, expiresInDays: 3);
        await (await api.AcceptAsync(accepting)).ReadJsonAsync(HttpStatusCode.OK);
        await (await api.DeclineAsync(declining)).ReadJsonAsync(HttpStatusCode.OK);
        await (await Revoke(workspace, revoked)).ReadJsonAsync(HttpStatusCode.OK);
        api.FakeClock.Advance(TimeSpan.FromDays(1));

        var seats = await api.SeatsAsync(workspace);

        var (members, pending) = await api.SeatRowsAsync(workspace);
        Assert.Equal((3L, 1L), (members, pending)); // owner, editor, the accepted; the 3-day invitation
        Assert.Equal(10, (int?)seats["limit"]);
        Assert.Equal(members, (long?)seats["members"]);
        Assert.Equal(pending, (long?)seats["pending"]);
        Assert.Equal(6, (int?)seats["available"]);
    }

    [Fact]
    public async Task AFullWorkspace_RefusesACreate_UntilARevokeOrADeclineFreesASeat()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetSeatLimitAsync(workspace, 3);
        var revocable = await api.InvitationIdAsync(workspace);
        var (_, token) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("declines"));

        var full = await ErrorAssert.ProblemAsync(
            await api.InviteAsync(workspace, Mailbox.NewAddress("no-seat"), sendEmail: false), HttpStatusCode.Conflict, "seat-limit-reached");
        await (await Revoke(workspace, revocable)).ReadJsonAsync(HttpStatusCode.OK);
        var afterRevoke = await api.InviteAsync(workspace, Mailbox.NewAddress("after-revoke"), sendEmail: false);
        await (await api.DeclineAsync(token)).ReadJsonAsync(HttpStatusCode.OK);
        var afterDecline = await api.InviteAsync(workspace, Mailbox.NewAddress("after-decline"), sendEmail: false);

        Assert.Equal(3, (int?)full["limit"]);
        Assert.Equal(3, (int?)full["in_use"]);
        Assert.Equal(HttpStatusCode.Created, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterDecline.StatusCode);
        Assert.Equal(0, (int?)(await api.SeatsAsync(workspace))["available"]);
    }

    [Fact]
    public async Task AnInvitationPastItsExpiry_FreesItsSeatAtOnce_BeforeTheSweep()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetSeatLimitAsync(workspace, 2);
        var stale = await api.InvitationIdAsync(workspace, expiresInDays: 1);
        await ErrorAssert.ProblemAsync(
            await api.InviteAsync(workspace, Mailbox.NewAddress("early"), sendEmail: false), HttpStatusCode.Conflict, "seat-limit-reached");

        api.FakeClock.Advance(TimeSpan.FromDays(1));
        var created = await api.InviteAsync(workspace, Mailbox.NewAddress("on-time"), sendEmail: false);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("pending", await api.ScalarAsync<string>("SELECT status FROM invitations WHERE id = @id", ("id", stale))); // not swept
    }

    [Fact]
    public async Task AcceptAfterTheLimitWasLowered_Succeeds_AndLoweringRemovesNothing()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetSeatLimitAsync(workspace, 5);
        var (_, first) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("first"));
        await api.InvitationIdAsync(workspace);

        var lowered = await api.SetSeatLimitAsync(workspace, 1);
        var accepted = await api.AcceptAsync(first);

        Assert.Equal(1, (int?)lowered["limit"]);
        Assert.Equal((1, 2, 0), ((int?)lowered["members"], (int?)lowered["pending"], (int?)lowered["available"]));
        await accepted.ReadJsonAsync(HttpStatusCode.OK);
        var seats = await api.SeatsAsync(workspace);
        Assert.Equal((2, 1), ((int?)seats["members"], (int?)seats["pending"]));
        await ErrorAssert.ProblemAsync(
            await api.InviteAsync(workspace, Mailbox.NewAddress("over"), sendEmail: false), HttpStatusCode.Conflict, "seat-limit-reached");
    }

    [Fact]
    public async Task TheOperatorsDirectMemberAdd_IsRefusedWhenFull_AndWritesNothing()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetSeatLimitAsync(workspace, 2);
        await api.InvitationIdAsync(workspace);
        var before = await api.RowCountsAsync();

        var add = await api.OperatorClient().PostAsJsonAsync(
            $"/v1/admin/workspaces/{workspace.Id}/members", new { email = Mailbox.NewAddress("direct"), role = "viewer" });

        var problem = await ErrorAssert.ProblemAsync(add, HttpStatusCode.Conflict, "seat-limit-reached");
        Assert.Equal((2, 2), ((int?)problem["limit"], (int?)problem["in_use"]));
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task ResendingAnExpiredInvitation_NeedsASeatAgain()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetSeatLimitAsync(workspace, 2);
        var expired = await api.InvitationIdAsync(workspace, expiresInDays: 1);
        api.FakeClock.Advance(TimeSpan.FromDays(1));
        var newer = await api.InvitationIdAsync(workspace);

        var refused = await Resend(workspace, expired);
        await (await Revoke(workspace, newer)).ReadJsonAsync(HttpStatusCode.OK);
        var revived = await Resend(workspace, expired);

        await ErrorAssert.ProblemAsync(refused, HttpStatusCode.Conflict, "seat-limit-reached");
        Assert.Equal("pending", (string?)(await revived.ReadJsonAsync(HttpStatusCode.Accepted))["status"]);
        Assert.Equal(0, (int?)(await api.SeatsAsync(workspace))["available"]);
    }

    [Fact]
    public async Task ABulkOverTheFreeSeats_IsRefusedWhole_AndWritesNothing()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetSeatLimitAsync(workspace, 4);
        var before = await api.RowCountsAsync();

        var over = await Bulk(workspace, 4);
        var after = await api.RowCountsAsync();
        var fits = await Bulk(workspace, 3);

        var problem = await ErrorAssert.ProblemAsync(over, HttpStatusCode.Conflict, "seat-limit-reached");
        Assert.Contains("3 of this workspace's 4 are free", (string?)problem["detail"]);
        Assert.Equal(3, (int?)problem["available"]);
        Assert.Equal(before, after);
        Assert.Equal(3, (int?)(await fits.ReadJsonAsync(HttpStatusCode.OK))["summary"]!["created"]);
    }

    [Fact]
    public async Task TheCompatibilityRoutes_AnswerAFullWorkspaceWithTheir409()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetSeatLimitAsync(workspace, 1);

        await ErrorAssert.InviteTeammateAsync(
            await api.BearerClient(workspace.ApiKey).PostAsJsonAsync(ApiClients.InviteTeammate, new { email = Mailbox.NewAddress("a") }),
            HttpStatusCode.Conflict);
        await ErrorAssert.WorkspaceInviteAsync(
            await api.WorkspaceInviteClient(workspace.ApiKey, workspace.Id.ToString())
                .PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), new { email = Mailbox.NewAddress("b"), role = "viewer" }),
            HttpStatusCode.Conflict);
        Assert.Equal(0L, (await api.SeatRowsAsync(workspace)).Pending);
    }

    [Fact]
    public async Task WithoutALimit_SeatsShowNoLimit_AndRemovingALimitLetsCreatesThrough()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetSeatLimitAsync(workspace, 1);

        var removed = await api.SetSeatLimitAsync(workspace, null);
        var created = await api.InviteAsync(workspace, Mailbox.NewAddress("free"), sendEmail: false);

        Assert.Null(removed["limit"]);
        Assert.Null(removed["available"]);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var seats = await api.SeatsAsync(workspace, await api.MemberKeyAsync(workspace, "viewer")); // any key of the workspace
        Assert.Equal((null, 2, 1), ((int?)seats["limit"], (int?)seats["members"], (int?)seats["pending"]));
    }

    [Theory]
    [InlineData("""{"seat_limit":0}""")]
    [InlineData("""{"seat_limit":-4}""")]
    [InlineData("""{"seat_limit":"ten"}""")]
    [InlineData("""{"seat_limit":2.5}""")]
    [InlineData("""{"seat_limit":3,"seats":3}""")]
    public async Task ASeatLimitThatIsNotAWholeNumberOfOneOrMore_Is400_AndKeepsTheLimit(string body)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetSeatLimitAsync(workspace, 5);

        var response = await api.OperatorClient().SendRawAsync(HttpMethod.Put, $"/v1/admin/workspaces/{workspace.Id}/seats", body);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(5, (int?)(await api.SeatsAsync(workspace))["limit"]);
    }

    [Fact]
    public async Task TheSeatLimitRoute_IsTheOperators()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var withWorkspaceKey = await api.ClientWithKey(workspace.ApiKey)
            .PutAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/seats", new { seat_limit = 1 });
        var unknown = await api.PutSeatLimitAsync(Guid.NewGuid(), 3);

        Assert.Contains(withWorkspaceKey.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        await ErrorAssert.ProblemAsync(unknown, HttpStatusCode.NotFound, "workspace-not-found");
        Assert.Null((await api.SeatsAsync(workspace))["limit"]);
    }

    private Task<HttpResponseMessage> Revoke(TestWorkspace workspace, Guid id) =>
        api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{id}/revoke", null);

    private Task<HttpResponseMessage> Resend(TestWorkspace workspace, Guid id) =>
        api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{id}/resend", null);

    private Task<HttpResponseMessage> Bulk(TestWorkspace workspace, int rows) =>
        api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync($"{ApiClients.Native(workspace)}/bulk", new
        {
            invitations = Enumerable.Range(0, rows).Select(i => new { email = Mailbox.NewAddress($"bulk{i}"), role = "viewer", send_email = false }),
        });
}
