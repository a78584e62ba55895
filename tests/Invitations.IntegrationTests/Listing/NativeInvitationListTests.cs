using System.Net;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Listing;

[Collection(ServiceHostCollection.Name)]
public sealed class NativeInvitationListTests(ServiceHost api)
{
    [Fact]
    public async Task List_Default_IsNewestFirstWithoutNextCursor()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var created = await CreateManyAsync(workspace, 3);

        var page = await ListAsync(workspace, "");

        Assert.Equal(created.AsEnumerable().Reverse(), Ids(page));
        Assert.Null(page["next_cursor"]);
    }

    [Fact]
    public async Task List_PagedWithLimit_VisitsEveryItemOnceInOrder()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var created = await CreateManyAsync(workspace, 7);

        var seen = new List<Guid>();
        var pages = new List<int>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(workspace, $"limit=3{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            pages.Add(Ids(page).Count);
            seen.AddRange(Ids(page));
            cursor = (string?)page["next_cursor"];
        }
        while (cursor is not null && pages.Count < 10);

        Assert.Equal([3, 3, 1], pages);
        Assert.Equal(created.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task List_LimitEqualToCount_HasNoNextCursor()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await CreateManyAsync(workspace, 2);

        var page = await ListAsync(workspace, "limit=2");

        Assert.Equal(2, Ids(page).Count);
        Assert.Null(page["next_cursor"]);
    }

    [Fact]
    public async Task List_OnlyShowsOwnWorkspace()
    {
        var (mine, theirs) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());
        var own = await CreateManyAsync(mine, 1);
        await CreateManyAsync(theirs, 2);

        Assert.Equal(own, Ids(await ListAsync(mine, "")));
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("revoked")]
    [InlineData("accepted")]
    public async Task List_FilteredByStatus_ReturnsOnlyThatStatus(string status)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (accepted, token) = await api.InviteWithTokenAsync(workspace, "accepted@example.com");
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);
        var (revoked, _) = await api.InviteWithTokenAsync(workspace, "revoked@example.com");
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{revoked["id"]}/revoke", null))
            .ReadJsonAsync(HttpStatusCode.OK);
        var (pending, _) = await api.InviteWithTokenAsync(workspace, "pending@example.com");
        var expected = status switch { "pending" => pending, "revoked" => revoked, _ => accepted };

        var page = await ListAsync(workspace, $"status={status}");

        var item = Assert.Single(page["items"]!.AsArray());
        Assert.Equal((string?)expected["id"], (string?)item!["id"]);
        Assert.Equal(status, (string?)item["status"]);
    }

    [Fact]
    public async Task List_FilteredByEmail_IgnoresCase()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var wanted = await (await api.InviteAsync(workspace, "Mixed.Case@Example.com")).ReadJsonAsync(HttpStatusCode.Created);
        await (await api.InviteAsync(workspace, "other@example.com")).ReadJsonAsync(HttpStatusCode.Created);

        var page = await ListAsync(workspace, "email=MIXED.CASE%40EXAMPLE.COM");

        var item = Assert.Single(page["items"]!.AsArray());
        Assert.Equal((string?)wanted["id"], (string?)item!["id"]);
        Assert.Equal("Mixed.Case@Example.com", (string?)item["email"]);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=500", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("limit=", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("status=bogus", "status")]
    [InlineData("status=all", "status")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=MTIz", "cursor")]
    [InlineData("cursor=%21%21%21", "cursor")]
    [InlineData("email=%00", "email")]
    public async Task List_BadQuery_Is400NamingTheParameter(string query, string parameter)
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.ClientWithKey(workspace.ApiKey).GetAsync($"{ApiClients.Native(workspace)}?{query}");

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal([parameter], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(3155378975999999999L)]
    public async Task List_ForgedCursorAtTheEdgeOfTime_IsNotAnError(long ticks)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await CreateManyAsync(workspace, 1);
        var cursor = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($"{ticks}.{Guid.NewGuid():N}"));

        var page = await ListAsync(workspace, $"cursor={cursor}");

        Assert.Equal(ticks == 0 ? 0 : 1, Ids(page).Count);
    }

    private async Task<List<Guid>> CreateManyAsync(TestWorkspace workspace, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var body = await (await api.InviteAsync(workspace, $"person{i}-{Guid.NewGuid():N}@example.com", sendEmail: false))
                .ReadJsonAsync(HttpStatusCode.Created);
            ids.Add(body["id"]!.GetValue<Guid>());
        }

        return ids;
    }

    private async Task<JsonObject> ListAsync(TestWorkspace workspace, string query) =>
        await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"{ApiClients.Native(workspace)}?{query}")).ReadJsonAsync(HttpStatusCode.OK);

    private static List<Guid> Ids(JsonObject page) => [.. page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())];
}
