using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Invitations.IntegrationTests.Operator;

[Collection(ServiceHostCollection.Name)]
public sealed class OperatorRoutesTests(ServiceHost api)
{
    public static TheoryData<string, string, string, string> UnauthenticatedCalls()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var credential in new[] { "none", "wrong", "workspace-key" })
        {
            foreach (var row in OperatorRoutes.All(Guid.NewGuid()))
            {
                data.Add(credential, (string)row[0], (string)row[1], (string)row[2]);
            }
        }

        return data;
    }

    [Fact]
    public async Task CreateWorkspace_Returns201WithWorkspaceOwnerAndKey()
    {
        var response = await api.OperatorClient().PostAsJsonAsync(
            "/v1/admin/workspaces", new { name = "  Globex  ", owner = new { email = "Hank@Globex.com", first_name = "Hank", last_name = "Scorpio" } });

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = body["workspace_id"]!.GetValue<Guid>();
        Assert.Equal(id, body["workspace"]!["id"]!.GetValue<Guid>());
        Assert.Equal("Globex", (string?)body["workspace"]!["name"]);
        Assert.Contains("Default team", body["workspace"]!["teams"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("Hank@Globex.com", (string?)body["owner"]!["email"]);
        Assert.Equal("owner", (string?)body["owner"]!["role"]);
        Assert.True((long)body["owner"]!["user_id"]! > 0);
        var key = Assert.IsType<string>((string?)body["api_key"]);
        Assert.StartsWith("inv_", key);
        Assert.NotNull(response.Headers.Location);
        var members = await (await api.ClientWithKey(key).GetAsync($"/v1/workspaces/{id}/members")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Hank@Globex.com", (string?)Assert.Single(members["items"]!.AsArray())!["email"]);
    }

    [Fact]
    public async Task CreateWorkspace_WithoutOwner_NamesTheFieldAsTheBodyNestsIt()
    {
        var response = await api.OperatorClient().PostAsJsonAsync("/v1/admin/workspaces", new { name = "Ownerless" });

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["owner.email"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task AddMember_Returns201AndListsTheMember()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var body = await (await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/members",
            new { email = "Direct@Example.com", first_name = "Dee", last_name = "Rect", role = "Team_Supervisor" })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("Direct@Example.com", (string?)body["email"]);
        Assert.Equal("team_supervisor", (string?)body["role"]);
        Assert.Equal("Default team", (string?)body["team"]);
        Assert.Equal("active", (string?)body["status"]);
        var members = await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"/v1/workspaces/{workspace.Id}/members")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(members["items"]!.AsArray(), m => (long)m!["user_id"]! == (long)body["user_id"]!);
    }

    [Fact]
    public async Task AddMember_UnknownWorkspace_Is404()
    {
        var response = await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{Guid.NewGuid()}/members", new { email = "lost@example.com", role = "viewer" });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.NotFound, "workspace-not-found");
    }

    [Fact]
    public async Task AddMember_ExistingAddress_IsAlreadyMember()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.OperatorClient().PostAsJsonAsync(
            $"/v1/admin/workspaces/{workspace.Id}/members", new { email = workspace.OwnerEmail.ToUpperInvariant(), role = "viewer" });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Conflict, "already-member");
    }

    [Fact]
    public async Task CreateApiKey_ForMember_Returns201AndActsAsThatMember()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var member = await (await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/members",
            new { email = "keyed-admin@example.com", role = "admin" })).ReadJsonAsync(HttpStatusCode.Created);
        var userId = (long)member["user_id"]!;

        var body = await (await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/api-keys", new { user_id = userId }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var key = (string)body["api_key"]!;
        Assert.StartsWith("inv_", key);
        Assert.Equal(userId, (long)body["user_id"]!);
        var invitation = await (await api.ClientWithKey(key).PostAsJsonAsync(ApiClients.Native(workspace), new { email = "via-new-key@example.com", role = "viewer" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(userId, (long)invitation["invited_by"]!["user_id"]!);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CreateApiKey_UserNotInWorkspace_Is404(bool memberOfAnotherWorkspace)
    {
        var (workspace, other) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());
        var before = await api.RowCountsAsync();

        var response = await api.OperatorClient().PostAsJsonAsync(
            $"/v1/admin/workspaces/{workspace.Id}/api-keys", new { user_id = memberOfAnotherWorkspace ? other.OwnerUserId : 987_654_321L });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.NotFound, "member-not-found");
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task AddTeam_Returns201AndTeamIsUsable()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var team = await (await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/teams", new { title = "Support" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("Support", (string?)team["title"]);
        Assert.Equal(workspace.Id, team["workspace_id"]!.GetValue<Guid>());
        var invitation = await (await api.InviteAsync(workspace, "supporter@example.com", extra: new { team = "Support" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Support", (string?)invitation["team"]);
    }

    [Theory]
    [InlineData("Support")]
    [InlineData(" support ")]
    [InlineData("SUPPORT")]
    public async Task AddTeam_ExistingTitle_Is409(string title)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await (await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/teams", new { title = "Support" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var before = await api.RowCountsAsync();

        var response = await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/teams", new { title });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Conflict, "team-exists");
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task AddTeam_DefaultTeamTitle_Is409()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/teams", new { title = "default TEAM" });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Conflict, "team-exists");
    }

    [Fact]
    public async Task SetBranding_Valid_Returns200EchoingValues()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var body = await (await api.OperatorClient().PutAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/branding", new
        {
            white_label = true,
            sender_email = "invites@agency.example",
            sender_email_verified = true,
            custom_domain = "Invites.Agency.Example",
            custom_domain_verified = true,
        })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.True((bool)body["white_label"]!);
        Assert.Equal("invites@agency.example", (string?)body["sender_email"]);
        Assert.True((bool)body["sender_email_verified"]!);
        Assert.Equal("invites.agency.example", (string?)body["custom_domain"]);
        Assert.True((bool)body["custom_domain_verified"]!);
    }

    [Theory]
    [InlineData("https://invites.example.com")]
    [InlineData("invites.example.com/path")]
    [InlineData("invites.example.com:8443")]
    [InlineData("not a domain")]
    [InlineData("localhost")]
    [InlineData("")]
    public async Task SetBranding_InvalidCustomDomain_Is400(string domain)
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.OperatorClient().PutAsJsonAsync(
            $"/v1/admin/workspaces/{workspace.Id}/branding", new { white_label = true, custom_domain = domain, custom_domain_verified = true });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task SetBranding_UnknownWorkspace_Is404()
    {
        var response = await api.OperatorClient().PutAsJsonAsync($"/v1/admin/workspaces/{Guid.NewGuid()}/branding", new { white_label = false });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.NotFound, "workspace-not-found");
    }

    [Theory]
    [MemberData(nameof(UnauthenticatedCalls))]
    public async Task OperatorRoute_WithoutOperatorKey_Is401AndWritesNothing(string credential, string method, string path, string body)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var client = credential switch
        {
            "wrong" => ClientWithOperatorKey("not-the-operator-key"),
            "workspace-key" => api.ClientWithKey(workspace.ApiKey),
            _ => api.CreateClient(),
        };
        var before = await api.RowCountsAsync();

        var response = await client.SendRawAsync(new HttpMethod(method), path, body);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task Dashboard_WithOperatorBasicAuth_Is200()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{ApiFactory.OperatorKey}")));

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("operator:wrong")]
    [InlineData("admin:test-operator-key")]
    public async Task Dashboard_WithoutOperatorCredentials_Is401WithBasicChallenge(string? credentials)
    {
        var client = api.CreateClient();
        if (credentials is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
    }

    private HttpClient ClientWithOperatorKey(string key)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("x-operator-key", key);
        return client;
    }
}
