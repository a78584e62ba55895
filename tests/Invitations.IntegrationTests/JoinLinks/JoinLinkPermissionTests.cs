using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.JoinLinks;

/// <summary>Join links are an owner's or an admin's (contract §13): every other key is refused on every route and writes nothing.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class JoinLinkPermissionTests(ServiceHost api)
{
    public static TheoryData<string, string> Routes() => new()
    {
        { "POST", "" },
        { "GET", "" },
        { "GET", "/{id}" },
        { "POST", "/{id}/disable" },
        { "POST", "/{id}/rotate" },
        { "GET", "/{id}/invitations" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnotherWorkspacesKey_Is403OnEveryRoute_AndLearnsAndWritesNothing(string method, string route)
    {
        var (mine, theirs) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());
        var (link, token) = await api.CreateJoinLinkAsync(theirs, new { description = "Their secret link" });
        var before = await api.RowCountsAsync();

        var response = await SendAsync(theirs, mine.ApiKey, method, route, JoinLinkScenario.IdOf(link));

        await ExpectRefusedAsync(response, "forbidden", before, theirs, link, token);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AViewersKey_Is403OnEveryRoute_AndWritesNothing(string method, string route)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (link, token) = await api.CreateJoinLinkAsync(workspace, new { description = "Their secret link" });
        var viewer = await api.MemberKeyAsync(workspace, "viewer");
        var before = await api.RowCountsAsync();

        var response = await SendAsync(workspace, viewer, method, route, JoinLinkScenario.IdOf(link));

        await ExpectRefusedAsync(response, "cannot-manage-join-links", before, workspace, link, token);
    }

    [Fact]
    public async Task AnAdmin_MayGiveTheirOwnRole_ButNotTheOwners()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var admin = await api.MemberKeyAsync(workspace, "admin");

        var own = await api.PostJoinLinkAsync(workspace, new { role = "admin" }, admin);
        var above = await api.PostJoinLinkAsync(workspace, new { role = "owner" }, admin);
        var byOwner = await api.PostJoinLinkAsync(workspace, new { role = "owner" });

        Assert.Equal("admin", (string?)(await own.ReadJsonAsync(HttpStatusCode.Created))["role"]);
        await ErrorAssert.ProblemAsync(above, HttpStatusCode.Forbidden, "role-may-not-invite");
        await ErrorAssert.ProblemAsync(byOwner, HttpStatusCode.BadRequest, "role-not-invitable");
    }

    [Fact]
    public async Task AnotherWorkspacesLinkId_WithOnesOwnKey_IsNotFound()
    {
        var (mine, theirs) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());
        var (link, _) = await api.CreateJoinLinkAsync(theirs);

        var response = await api.ClientWithKey(mine.ApiKey).PostAsync($"{JoinLinkScenario.JoinLinks(mine)}/{link["id"]}/disable", null);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.NotFound, "join-link-not-found");
        Assert.Equal("active", (string?)(await api.GetJoinLinkAsync(theirs, JoinLinkScenario.IdOf(link)))["status"]);
    }

    private Task<HttpResponseMessage> SendAsync(TestWorkspace workspace, string key, string method, string route, Guid id)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), JoinLinkScenario.JoinLinks(workspace) + route.Replace("{id}", id.ToString(), StringComparison.Ordinal));
        if (method == "POST" && route.Length == 0)
        {
            request.Content = JsonContent.Create(new { role = "admin", max_uses = 10_000 });
        }

        return api.ClientWithKey(key).SendAsync(request);
    }

    /// <summary>403 of <paramref name="kind"/>, nothing of the link in it, nothing written, the link as it was.</summary>
    private async Task ExpectRefusedAsync(
        HttpResponseMessage response, string kind, string before, TestWorkspace owner, System.Text.Json.Nodes.JsonObject link, string token)
    {
        var text = await response.Content.ReadAsStringAsync();
        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Forbidden, kind);
        Assert.DoesNotContain("secret link", text);
        Assert.DoesNotContain(token, text);
        Assert.Equal(before, await api.RowCountsAsync());
        var unchanged = await api.GetJoinLinkAsync(owner, JoinLinkScenario.IdOf(link));
        Assert.Equal(("active", 1), ((string)unchanged["status"]!, (await (await api.ClientWithKey(owner.ApiKey).GetAsync(JoinLinkScenario.JoinLinks(owner)))
            .ReadJsonAsync(HttpStatusCode.OK))["items"]!.AsArray().Count));
        Assert.Equal("active", (string?)(await (await api.CreateClient().LookupJoinLinkAsync(token)).ReadJsonAsync(HttpStatusCode.OK))["status"]);
    }
}
