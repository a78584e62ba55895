using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Keys;

[Collection(ServiceHostCollection.Name)]
public sealed class CrossTenantTests(ServiceHost api)
{
    public static TheoryData<string, string, bool> Routes()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var bearer in new[] { false, true })
        {
            data.Add("POST", "invitations", bearer);
            data.Add("GET", "invitations", bearer);
            data.Add("GET", "invitations/{id}", bearer);
            data.Add("POST", "invitations/{id}/revoke", bearer);
            data.Add("POST", "invitations/{id}/resend", bearer);
            data.Add("GET", "members", bearer);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task KeyOfWorkspaceA_OnWorkspaceBRoute_IsRefusedAndWritesNothing(string method, string route, bool bearer)
    {
        var (a, b) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());
        var (invitation, _) = await api.InviteWithTokenAsync(b, "victim@example.com");
        var path = $"/v1/workspaces/{b.Id}/{route.Replace("{id}", (string)invitation["id"]!, StringComparison.Ordinal)}";
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { email = "planted@example.com", role = "admin", send_email = false });
        }

        var client = bearer ? api.BearerClient(a.ApiKey) : api.ClientWithKey(a.ApiKey);
        var before = await api.RowCountsAsync();

        var response = await client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"Got {(int)response.StatusCode}");
        await ErrorAssert.ProblemAsync(response, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("victim@example.com", text);
        Assert.Equal(before, await api.RowCountsAsync());
        var fetched = await (await api.ClientWithKey(b.ApiKey).GetAsync($"{ApiClients.Native(b)}/{invitation["id"]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("pending", (string?)fetched["status"]);
    }

    [Fact]
    public async Task InviteTeammate_KeyDecidesTheWorkspace()
    {
        var (a, b) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());

        await (await api.BearerClient(a.ApiKey).PostAsJsonAsync(ApiClients.InviteTeammate, new { email = "lands-in-a@example.com" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        var inA = await (await api.ClientWithKey(a.ApiKey).GetAsync(ApiClients.Native(a))).ReadJsonAsync(HttpStatusCode.OK);
        var inB = await (await api.ClientWithKey(b.ApiKey).GetAsync(ApiClients.Native(b))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("lands-in-a@example.com", (string?)Assert.Single(inA["items"]!.AsArray())!["email"]);
        Assert.Empty(inB["items"]!.AsArray());
    }

    [Fact]
    public async Task AMistypedWorkspaceIdInThePath_Is403NamingTheKeysWorkspaceAndThePaths()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var own = workspace.Id.ToString();
        var typo = own[..^1] + (own[^1] == '0' ? '1' : '0');

        var response = await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(
            $"/v1/workspaces/{typo}/invitations", new { email = "typo@example.com", role = "viewer" });

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal($"This API key belongs to workspace {own}, not {typo}: check the workspace id in the path.", (string?)problem["detail"]);
    }
}
