using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.Accepting;

[Collection(ServiceHostCollection.Name)]
public sealed class InviteeRoutesTests(ServiceHost api)
{
    [Fact]
    public async Task Lookup_ValidToken_ReturnsWhatThePageShows()
    {
        var workspace = await api.CreateWorkspaceAsync("Lookup Labs");
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "Look.Up@Example.com", "editor");

        var body = await (await LookupAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Lookup Labs", (string?)body["workspace_name"]);
        Assert.Equal(workspace.OwnerEmail, (string?)body["inviter_email"]);
        Assert.Equal("editor", (string?)body["role"]);
        Assert.Equal("Default team", (string?)body["team"]);
        Assert.Equal("Look.Up@Example.com", (string?)body["email"]);
        // The database keeps microseconds; the create response still had the clock's 100 ns ticks.
        Assert.Equal(invitation["expires_at"]!.GetValue<DateTimeOffset>(), body["expires_at"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMilliseconds(1));
        Assert.Equal("pending", (string?)body["status"]);
        Assert.DoesNotContain(token, body.ToJsonString());
    }

    [Fact]
    public async Task Lookup_UnknownToken_Is404WithoutSayingWhy()
    {
        var response = await LookupAsync("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        var text = problem.ToJsonString().ToLowerInvariant();
        Assert.DoesNotContain("expired", text);
        Assert.DoesNotContain("revoked", text);
        Assert.DoesNotContain("hash", text);
        Assert.False(problem.ContainsKey("errors"));
    }

    [Fact]
    public async Task Accept_ValidToken_ReturnsMembershipAndCreatesMember()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "joiner@example.com", "collaborator");

        var body = await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(workspace.Id, body["workspace_id"]!.GetValue<Guid>());
        Assert.Equal((long)invitation["user_id"]!, (long)body["user_id"]!);
        Assert.Equal("collaborator", (string?)body["role"]);
        Assert.Equal("Default team", (string?)body["team"]);
        var member = await api.DbAsync(db => db.Members.SingleAsync(m => m.NormalizedEmail == "joiner@example.com"));
        Assert.Equal((long)invitation["user_id"]!, member.UserId);
        Assert.Equal(workspace.Id, member.WorkspaceId.Value);
    }

    [Fact]
    public async Task Accept_Twice_IsConflict()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (_, token) = await api.InviteWithTokenAsync(workspace, "twice-accept@example.com");
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);
        var before = await api.RowCountsAsync();

        await ErrorAssert.ProblemAsync(await api.AcceptAsync(token), HttpStatusCode.Conflict, "not-pending");
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task Accept_Revoked_IsConflictAndMakesNoMember()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "revoked-accept@example.com");
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}/revoke", null))
            .ReadJsonAsync(HttpStatusCode.OK);

        await ErrorAssert.ProblemAsync(await api.AcceptAsync(token), HttpStatusCode.Conflict, "not-pending");
        Assert.False(await api.DbAsync(db => db.Members.AnyAsync(m => m.NormalizedEmail == "revoked-accept@example.com")));
    }

    [Fact]
    public async Task Accept_UnknownToken_Is404()
    {
        await ErrorAssert.ProblemAsync(await api.AcceptAsync("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Accept_WithNames_UsesThemForTheMember()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var invitation = await (await api.InviteAsync(workspace, "renamed@example.com", sendEmail: false,
            extra: new { first_name = "Invited", last_name = "Name" })).ReadJsonAsync(HttpStatusCode.Created);

        await (await api.AcceptAsync(Scenario.TokenOf((string)invitation["accept_url"]!), new { first_name = "Chosen", last_name = "Person" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        var member = await MemberAsync(workspace, (long)invitation["user_id"]!);
        Assert.Equal("Chosen", (string?)member["first_name"]);
        Assert.Equal("Person", (string?)member["last_name"]);
    }

    [Fact]
    public async Task Accept_WithoutNames_KeepsTheInvitationsNames()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var invitation = await (await api.InviteAsync(workspace, "kept@example.com", sendEmail: false,
            extra: new { first_name = "Kept", last_name = "Names" })).ReadJsonAsync(HttpStatusCode.Created);

        await (await api.AcceptAsync(Scenario.TokenOf((string)invitation["accept_url"]!))).ReadJsonAsync(HttpStatusCode.OK);

        var member = await MemberAsync(workspace, (long)invitation["user_id"]!);
        Assert.Equal("Kept", (string?)member["first_name"]);
        Assert.Equal("Names", (string?)member["last_name"]);
    }

    [Theory]
    [InlineData("lookup", "{}")]
    [InlineData("lookup", """{"token":""}""")]
    [InlineData("lookup", """{"token":null}""")]
    [InlineData("accept", "{}")]
    [InlineData("accept", """{"token":""}""")]
    [InlineData("accept", """{"token":null,"first_name":"Ann"}""")]
    public async Task Invitee_MissingToken_Is400(string route, string body)
    {
        var response = await api.CreateClient().PostRawAsync($"/v1/invitations/{route}", body);

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem["errors"]?["token"] is JsonArray { Count: > 0 }, problem.ToJsonString());
    }

    [Fact]
    public async Task Lookup_AfterAccept_SaysAccepted()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (_, token) = await api.InviteWithTokenAsync(workspace, "looked-after@example.com");
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("accepted", (string?)(await (await LookupAsync(token)).ReadJsonAsync(HttpStatusCode.OK))["status"]);
    }

    [Fact]
    public async Task Lookup_AfterRevoke_SaysRevoked()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "looked-revoked@example.com");
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}/revoke", null))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("revoked", (string?)(await (await LookupAsync(token)).ReadJsonAsync(HttpStatusCode.OK))["status"]);
    }

    [Fact]
    public async Task Accept_TokenReplacedByResend_Is404()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "rotated@example.com");
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}/resend", null))
            .ReadJsonAsync(HttpStatusCode.Accepted);

        await ErrorAssert.ProblemAsync(await LookupAsync(token), HttpStatusCode.NotFound, "not-found");
        await ErrorAssert.ProblemAsync(await api.AcceptAsync(token), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Accept_AddressAddedAsMemberMeanwhile_IsAlreadyMember()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (_, token) = await api.InviteWithTokenAsync(workspace, "direct@example.com");
        await (await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/members", new { email = "Direct@example.com", role = "viewer" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        await ErrorAssert.ProblemAsync(await api.AcceptAsync(token), HttpStatusCode.Conflict, "already-member");
    }

    private Task<HttpResponseMessage> LookupAsync(string token) =>
        api.CreateClient().PostAsJsonAsync("/v1/invitations/lookup", new { token });

    private async Task<JsonNode> MemberAsync(TestWorkspace workspace, long userId)
    {
        var body = await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"/v1/workspaces/{workspace.Id}/members")).ReadJsonAsync(HttpStatusCode.OK);
        return body["items"]!.AsArray().Single(m => (long)m!["user_id"]! == userId)!;
    }
}
