using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.InviteTeammate;

[Collection(ServiceHostCollection.Name)]
public sealed class InviteTeammateRouteTests(ServiceHost api)
{
    private static readonly string[] DataKeys =
        ["created_at", "display_name", "email", "role", "status", "team_title", "user_id", "whatsapp_accounts"];

    [Fact]
    public async Task Invite_Valid_ReturnsSeedShapeExactly()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await InviteAsync(workspace.ApiKey, new { email = "John.Doe@Example.com", first_name = "John", last_name = "Doe", role = "agent" });

        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["data", "status"], ErrorAssert.Keys(body));
        Assert.Equal("ok", (string?)body["status"]);
        var data = body["data"]!.AsObject();
        Assert.Equal(DataKeys, ErrorAssert.Keys(data));
        Assert.True((long)data["user_id"]! > 0);
        Assert.Equal("John Doe", (string?)data["display_name"]);
        Assert.Equal("John.Doe@Example.com", (string?)data["email"]);
        Assert.Equal("invited", (string?)data["status"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0000$", (string?)data["created_at"]);
        Assert.Equal("agent", (string?)data["role"]);
        Assert.Equal("Default team", (string?)data["team_title"]);
        Assert.Empty(data["whatsapp_accounts"]!.AsArray());
    }

    [Fact]
    public async Task Invite_UserId_IsTheNativeInvitationsReservedId()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var data = await DataAsync(workspace.ApiKey, new { email = "same-id@example.com" });

        var page = await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"{ApiClients.Native(workspace)}?email=same-id@example.com"))
            .ReadJsonAsync(HttpStatusCode.OK);
        var invitation = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal((long)invitation["user_id"]!, (long)data["user_id"]!);
        Assert.Equal("pending", (string?)invitation["status"]);
    }

    [Fact]
    public async Task Invite_WithoutRoleOrTeam_IsTeammateInDefaultTeam()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var data = await DataAsync(workspace.ApiKey, new { email = "defaults@example.com" });

        Assert.Equal("teammate", (string?)data["role"]);
        Assert.Equal("Default team", (string?)data["team_title"]);
    }

    [Fact]
    public async Task Invite_WithoutNames_DisplayNameIsEmail()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var data = await DataAsync(workspace.ApiKey, new { email = "Nameless@Example.com", first_name = "", last_name = (string?)null });

        Assert.Equal("Nameless@Example.com", (string?)data["display_name"]);
    }

    [Fact]
    public async Task Invite_KnownTeamTitle_IsHonoured()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await (await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/teams", new { title = "Sales" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var data = await DataAsync(workspace.ApiKey, new { email = "sales@example.com", team_title = "sales" });

        Assert.Equal("Sales", (string?)data["team_title"]);
    }

    [Fact]
    public async Task Invite_UnknownTeamTitle_Is400AndNeverCreatesIt()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();

        var response = await InviteAsync(workspace.ApiKey, new { email = "marketing@example.com", team_title = "Marketing" });

        await ErrorAssert.InviteTeammateAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Theory]
    [InlineData("AGENT", "agent")]
    [InlineData("Team_Supervisor", "team_supervisor")]
    [InlineData("Admin", "admin")]
    [InlineData("collaborator", "collaborator")]
    [InlineData("TeamMate", "teammate")]
    public async Task Invite_RoleInAnyCase_IsAcceptedInLowerCase(string role, string expected)
    {
        var workspace = await api.CreateWorkspaceAsync();

        Assert.Equal(expected, (string?)(await DataAsync(workspace.ApiKey, new { email = "cased@example.com", role }))["role"]);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("editor")]
    [InlineData("viewer")]
    [InlineData("superuser")]
    public async Task Invite_RoleOutsideRouteList_Is400(string role)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();

        await ErrorAssert.InviteTeammateAsync(await InviteAsync(workspace.ApiKey, new { email = "bad-role@example.com", role }), HttpStatusCode.BadRequest);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task Invite_WithXApiKeyHeader_IsAlsoAccepted()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(ApiClients.InviteTeammate, new { email = "x-api-key@example.com" });

        Assert.Equal("ok", (string?)(await response.ReadJsonAsync(HttpStatusCode.OK))["status"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("inv_wrong")]
    public async Task Invite_WithoutValidKey_Is401InSeedShape(string? key)
    {
        var client = key is null ? api.CreateClient() : api.BearerClient(key);

        await ErrorAssert.InviteTeammateAsync(await client.PostAsJsonAsync(ApiClients.InviteTeammate, new { email = "anon@example.com" }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Invite_PendingDuplicate_Is409InSeedShape()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await DataAsync(workspace.ApiKey, new { email = "dup-a@example.com" });

        await ErrorAssert.InviteTeammateAsync(await InviteAsync(workspace.ApiKey, new { email = "DUP-A@example.com" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Invite_ExistingMember_Is409InSeedShape()
    {
        var workspace = await api.CreateWorkspaceAsync();

        await ErrorAssert.InviteTeammateAsync(await InviteAsync(workspace.ApiKey, new { email = workspace.OwnerEmail }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Invite_ByTeammateKey_Is403InSeedShape()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var key = await api.MemberKeyAsync(workspace, "teammate");
        var before = await api.RowCountsAsync();

        await ErrorAssert.InviteTeammateAsync(await InviteAsync(key, new { email = "from-teammate@example.com" }), HttpStatusCode.Forbidden);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    private Task<HttpResponseMessage> InviteAsync(string key, object body) => api.BearerClient(key).PostAsJsonAsync(ApiClients.InviteTeammate, body);

    private async Task<JsonObject> DataAsync(string key, object body) =>
        (await (await InviteAsync(key, body)).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsObject();
}
