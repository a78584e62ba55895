using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.WorkspaceInvite;

[Collection(ServiceHostCollection.Name)]
public sealed class WorkspaceInviteRouteTests(ServiceHost api)
{
    [Fact]
    public async Task Invite_Valid_ReturnsSeedShapeExactly()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await InviteAsync(workspace, new { email = "Ada.Lovelace@Example.com", role = "editor" });

        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["message", "success"], ErrorAssert.Keys(body));
        Assert.True((bool)body["success"]!);
        Assert.Equal("Invitation sent to Ada.Lovelace@Example.com", (string?)body["message"]);
    }

    [Fact]
    public async Task Invite_Valid_CreatesPendingInvitationInDefaultTeam()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await (await InviteAsync(workspace, new { email = "listed-b@example.com", role = "viewer" })).ReadJsonAsync(HttpStatusCode.OK);

        var invitation = await SingleInvitationAsync(workspace, "listed-b@example.com");

        Assert.Equal("viewer", (string?)invitation["role"]);
        Assert.Equal("Default team", (string?)invitation["team"]);
        Assert.Equal("pending", (string?)invitation["status"]);
        Assert.Equal(workspace.OwnerUserId, (long)invitation["invited_by"]!["user_id"]!);
    }

    [Theory]
    [InlineData("ADMIN", "admin")]
    [InlineData("Editor", "editor")]
    [InlineData("vIeWeR", "viewer")]
    public async Task Invite_RoleInAnyCase_IsAccepted(string role, string expected)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await (await InviteAsync(workspace, new { email = "cased-b@example.com", role })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, (string?)(await SingleInvitationAsync(workspace, "cased-b@example.com"))["role"]);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("teammate")]
    [InlineData("owner")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Invite_RoleOutsideRouteList_Is400(string? role)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();

        await ErrorAssert.WorkspaceInviteAsync(await InviteAsync(workspace, new { email = "bad-role-b@example.com", role }), HttpStatusCode.BadRequest);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mismatch")]
    [InlineData("other-guid")]
    public async Task Invite_MissingOrMismatchedWorkspaceHeader_Is400(string? header)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var value = header switch { "mismatch" => "not-a-workspace", "other-guid" => Guid.NewGuid().ToString(), _ => header };
        var before = await api.RowCountsAsync();

        var response = await api.WorkspaceInviteClient(workspace.ApiKey, value)
            .PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), new { email = "header@example.com", role = "viewer" });

        await ErrorAssert.WorkspaceInviteAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Invite_UnknownWorkspace_Is404(bool guid)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var unknown = guid ? Guid.NewGuid().ToString() : "acme-workspace";

        var response = await api.WorkspaceInviteClient(workspace.ApiKey, unknown)
            .PostAsJsonAsync($"/v1/api/workspaces/{unknown}/invite", new { email = "nowhere@example.com", role = "viewer" });

        await ErrorAssert.WorkspaceInviteAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invite_KeyOfAnotherWorkspace_Is403AndWritesNothing()
    {
        var (mine, theirs) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());
        var before = await api.RowCountsAsync();

        var response = await api.WorkspaceInviteClient(mine.ApiKey, theirs.Id.ToString())
            .PostAsJsonAsync(ApiClients.WorkspaceInvite(theirs.Id), new { email = "intruder@example.com", role = "admin" });

        await ErrorAssert.WorkspaceInviteAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("inv_wrong")]
    public async Task Invite_WithoutValidKey_Is401InSeedShape(string? key)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("x-workspace-id", workspace.Id.ToString());
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-api-key", key);
        }

        var response = await client.PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), new { email = "anon-b@example.com", role = "viewer" });

        await ErrorAssert.WorkspaceInviteAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Invite_WithBearerKey_IsAlsoAccepted()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var client = api.BearerClient(workspace.ApiKey);
        client.DefaultRequestHeaders.Add("x-workspace-id", workspace.Id.ToString());

        var response = await client.PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), new { email = "bearer-b@example.com", role = "viewer" });

        Assert.True((bool)(await response.ReadJsonAsync(HttpStatusCode.OK))["success"]!);
    }

    [Fact]
    public async Task Invite_PendingDuplicate_Is409InSeedShape()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await (await InviteAsync(workspace, new { email = "dup-b@example.com", role = "viewer" })).ReadJsonAsync(HttpStatusCode.OK);

        await ErrorAssert.WorkspaceInviteAsync(await InviteAsync(workspace, new { email = " Dup-B@example.com ", role = "editor" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Invite_ExistingMember_Is409InSeedShape()
    {
        var workspace = await api.CreateWorkspaceAsync();

        await ErrorAssert.WorkspaceInviteAsync(await InviteAsync(workspace, new { email = workspace.OwnerEmail, role = "admin" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Invite_ByTeammateKey_Is403InSeedShape()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var key = await api.MemberKeyAsync(workspace, "teammate");
        var before = await api.RowCountsAsync();

        var response = await api.WorkspaceInviteClient(key, workspace.Id.ToString())
            .PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), new { email = "from-teammate-b@example.com", role = "viewer" });

        await ErrorAssert.WorkspaceInviteAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    private Task<HttpResponseMessage> InviteAsync(TestWorkspace workspace, object body) =>
        api.WorkspaceInviteClient(workspace.ApiKey, workspace.Id.ToString()).PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), body);

    private async Task<JsonNode> SingleInvitationAsync(TestWorkspace workspace, string email)
    {
        var page = await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"{ApiClients.Native(workspace)}?email={Uri.EscapeDataString(email)}"))
            .ReadJsonAsync(HttpStatusCode.OK);
        return Assert.Single(page["items"]!.AsArray())!;
    }
}
