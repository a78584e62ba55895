using System.Net;

namespace Invitations.IntegrationTests.JoinLinks;

/// <summary>What a join link or a join may hold: anything else is a 400 naming the field, and writes nothing (no link, no queued join).</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class JoinLinkInputTests(ServiceHost api)
{
    [Theory]
    [InlineData("""{"role":"chief"}""", "role")]
    [InlineData("""{}""", "role")]
    [InlineData("""{"role":"editor","max_uses":0}""", "max_uses")]
    [InlineData("""{"role":"editor","max_uses":10001}""", "max_uses")]
    [InlineData("""{"role":"editor","max_uses":"5"}""", "max_uses")]
    [InlineData("""{"role":"editor","expires_in_days":0}""", "expires_in_days")]
    [InlineData("""{"role":"editor","expires_in_days":91}""", "expires_in_days")]
    [InlineData("""{"role":"editor","allowed_domains":["localhost"]}""", "allowed_domains")]
    [InlineData("""{"role":"editor","allowed_domains":["https://example.com"]}""", "allowed_domains")]
    [InlineData("""{"role":"editor","allowed_domains":"example.com"}""", "allowed_domains")]
    [InlineData("""{"role":"editor","maxUses":5}""", "maxUses")]
    [InlineData("""{"role":"editor","description":"a\u0000b"}""", "description")]
    public async Task ALinkThatIsNotValid_Is400NamingTheField_AndMakesNoLink(string body, string field)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();

        var response = await api.ClientWithKey(workspace.ApiKey).PostRawAsync(JoinLinkScenario.JoinLinks(workspace), body);

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key == field);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task AnUnknownTeam_Is400_AndMakesNoLink()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.PostJoinLinkAsync(workspace, new { role = "editor", team = "Nobody's team" });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "team-not-found");
        Assert.Empty((await (await api.ClientWithKey(workspace.ApiKey).GetAsync(JoinLinkScenario.JoinLinks(workspace))).ReadJsonAsync(HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("not-an-address", "email")]
    [InlineData("Bob <bob@example.com>", "email")]
    [InlineData("a@example.com, b@example.com", "email")]
    [InlineData("", "email")]
    public async Task AMalformedEmail_Is400_AndQueuesNothing(string email, string field)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (_, token) = await api.CreateJoinLinkAsync(workspace);
        var before = await api.RowCountsAsync();

        var response = await api.JoinAsync(token, email);

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Theory]
    [InlineData("""{"token":"abc","email":"a@example.com","firstName":"A"}""", "firstName")]
    [InlineData("""{"token":"abc","email":"a@example.com","locale":"not a tag"}""", "locale")]
    [InlineData("""{"token":"abc","email":["a@example.com"]}""", "email")]
    [InlineData("""{"email":"a@example.com"}""", "token")]
    public async Task AJoinThatIsNotValid_Is400NamingTheField(string body, string field)
    {
        var before = await api.RowCountsAsync();

        var response = await api.CreateClient().PostRawAsync(JoinLinkScenario.Join, body);

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, await api.RowCountsAsync());
    }
}
