using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Creating;

[Collection(ServiceHostCollection.Name)]
public sealed class NativeInvitationRoutesTests(ServiceHost api)
{
    [Fact]
    public async Task Create_Valid_Returns201WithLocationAndInvitation()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.InviteAsync(workspace, "Grace.Hopper@Example.com", "admin", extra: new { first_name = "Grace", last_name = "Hopper" });

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = body["id"]!.GetValue<Guid>();
        Assert.Equal($"/v1/workspaces/{workspace.Id}/invitations/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(workspace.Id, body["workspace_id"]!.GetValue<Guid>());
        Assert.Equal("Grace.Hopper@Example.com", (string?)body["email"]);
        Assert.Equal("Grace", (string?)body["first_name"]);
        Assert.Equal("Hopper", (string?)body["last_name"]);
        Assert.Equal("admin", (string?)body["role"]);
        Assert.Equal("Default team", (string?)body["team"]);
        Assert.Equal("pending", (string?)body["status"]);
        Assert.True(body["user_id"]!.GetValue<long>() > 0);
        Assert.NotEqual(workspace.OwnerUserId, body["user_id"]!.GetValue<long>());
        Assert.Equal(workspace.OwnerUserId, body["invited_by"]!["user_id"]!.GetValue<long>());
        Assert.Equal(workspace.OwnerEmail, (string?)body["invited_by"]!["email"]);
        Assert.Null(body["accepted_at"]);
        Assert.Null(body["revoked_at"]);
        Assert.Equal("queued", (string?)body["email_status"]);
        Assert.False(body.ContainsKey("accept_url"));
    }

    [Fact]
    public async Task Create_WithoutLifetime_ExpiresAfterSevenDays()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var body = await (await api.InviteAsync(workspace, "week@example.com")).ReadJsonAsync(HttpStatusCode.Created);

        var lifetime = body["expires_at"]!.GetValue<DateTimeOffset>() - body["created_at"]!.GetValue<DateTimeOffset>();
        Assert.Equal(TimeSpan.FromDays(7), lifetime);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(14)]
    [InlineData(30)]
    public async Task Create_ExpiresInDays_IsHonoured(int days)
    {
        var workspace = await api.CreateWorkspaceAsync();

        var body = await (await api.InviteAsync(workspace, $"days{days}@example.com", extra: new { expires_in_days = days }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var lifetime = body["expires_at"]!.GetValue<DateTimeOffset>() - body["created_at"]!.GetValue<DateTimeOffset>();
        Assert.Equal(TimeSpan.FromDays(days), lifetime);
    }

    [Fact]
    public async Task Create_SendEmailFalse_ReturnsAcceptUrlAndNoEmailStatus()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var body = await (await api.InviteAsync(workspace, "self-delivered@example.com", sendEmail: false)).ReadJsonAsync(HttpStatusCode.Created);

        var acceptUrl = (string?)body["accept_url"];
        Assert.NotNull(acceptUrl);
        Assert.StartsWith("https://app.invitations.test/invitations/accept#token=", acceptUrl);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", Scenario.TokenOf(acceptUrl));
        Assert.Null(body["email_status"]);
    }

    [Fact]
    public async Task Get_LocationOfCreated_ReturnsSameInvitationWithoutAcceptUrl()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var created = await api.InviteAsync(workspace, "located@example.com", sendEmail: false);
        var invitation = await created.ReadJsonAsync(HttpStatusCode.Created);

        var body = await (await api.ClientWithKey(workspace.ApiKey).GetAsync(created.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal((string?)invitation["id"], (string?)body["id"]);
        Assert.Equal((long)invitation["user_id"]!, (long)body["user_id"]!);
        Assert.Equal("located@example.com", (string?)body["email"]);
        Assert.Equal("pending", (string?)body["status"]);
        Assert.False(body.ContainsKey("accept_url"));
    }

    [Fact]
    public async Task Create_SameAddressWhilePending_IsDuplicateNamingExisting()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var first = await (await api.InviteAsync(workspace, "twice@example.com")).ReadJsonAsync(HttpStatusCode.Created);
        var before = await api.RowCountsAsync();

        var response = await api.InviteAsync(workspace, "twice@example.com");

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.Conflict, "duplicate-pending");
        Assert.Equal((string?)first["id"], (string?)problem["existing_invitation_id"]);
        Assert.Contains((string)first["id"]!, (string?)problem["detail"]);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Theory]
    [InlineData("DUP@EXAMPLE.COM")]
    [InlineData("  dup@example.com  ")]
    [InlineData("Dup@Example.Com")]
    public async Task Create_SameEmailDifferentCase_IsDuplicate(string spelling)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await (await api.InviteAsync(workspace, "dup@example.com")).ReadJsonAsync(HttpStatusCode.Created);

        await ErrorAssert.ProblemAsync(await api.InviteAsync(workspace, spelling), HttpStatusCode.Conflict, "duplicate-pending");
    }

    [Fact]
    public async Task Create_SameAddressInAnotherWorkspace_IsAllowed()
    {
        var (first, second) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());
        await (await api.InviteAsync(first, "shared@example.com")).ReadJsonAsync(HttpStatusCode.Created);

        await (await api.InviteAsync(second, "shared@example.com")).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Create_AddressOfMember_IsAlreadyMember(bool upperCase)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = upperCase ? workspace.OwnerEmail.ToUpperInvariant() : workspace.OwnerEmail;

        await ErrorAssert.ProblemAsync(await api.InviteAsync(workspace, email), HttpStatusCode.Conflict, "already-member");
    }

    [Fact]
    public async Task Create_UnknownTeam_Is400AndWritesNothing()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();

        var response = await api.InviteAsync(workspace, "teamless@example.com", extra: new { team = "No such team" });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "team-not-found");
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task Create_KnownTeamInOtherCase_UsesTheTeamsTitle()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await (await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/teams", new { title = "Sales" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var body = await (await api.InviteAsync(workspace, "seller@example.com", extra: new { team = "  sales " }))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("Sales", (string?)body["team"]);
    }

    [Fact]
    public async Task Create_InvalidFields_Is400NamingEachField()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();

        var response = await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(
            ApiClients.Native(workspace), new { email = "Bob <bob@example.com>", role = "superuser", expires_in_days = 0 });

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["email", "expires_in_days", "role"], ErrorAssert.Keys(problem["errors"]!.AsObject()));
        Assert.Contains("one of", (string?)problem["errors"]!["role"]![0]);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Theory]
    [InlineData("GET", "/v1/workspaces/{ws}/invitations/not-a-guid", HttpStatusCode.NotFound)]
    [InlineData("GET", "/v1/workspaces/{ws}/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/v1/workspaces/{ws}/invitations", HttpStatusCode.MethodNotAllowed)]
    public async Task Request_NoSuchRouteOrMethod_IsProblem(string method, string path, HttpStatusCode status)
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.ClientWithKey(workspace.ApiKey).SendAsync(
            new HttpRequestMessage(new HttpMethod(method), path.Replace("{ws}", workspace.Id.ToString(), StringComparison.Ordinal)));

        await ErrorAssert.ProblemAsync(response, status);
    }

    [Fact]
    public async Task Get_UnknownId_Is404()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.ClientWithKey(workspace.ApiKey).GetAsync($"{ApiClients.Native(workspace)}/{Guid.NewGuid()}");

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Get_IdOfAnotherWorkspace_Is404()
    {
        var (mine, theirs) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());
        var foreign = await (await api.InviteAsync(theirs, "theirs@example.com")).ReadJsonAsync(HttpStatusCode.Created);

        var response = await api.ClientWithKey(mine.ApiKey).GetAsync($"{ApiClients.Native(mine)}/{foreign["id"]}");

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Create_WithBearerKey_Is201()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.BearerClient(workspace.ApiKey).PostAsJsonAsync(
            ApiClients.Native(workspace), new { email = "bearer@example.com", role = "viewer" });

        Assert.Equal("viewer", (string?)(await response.ReadJsonAsync(HttpStatusCode.Created))["role"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("inv_not-a-real-key")]
    public async Task Create_WithoutValidKey_Is401(string? key)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var client = key is null ? api.CreateClient() : api.ClientWithKey(key);

        var response = await client.PostAsJsonAsync(ApiClients.Native(workspace), new { email = "anon@example.com", role = "viewer" });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }
}
