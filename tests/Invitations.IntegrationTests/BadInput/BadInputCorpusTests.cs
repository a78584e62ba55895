using System.Net;

namespace Invitations.IntegrationTests.BadInput;

[Collection(ServiceHostCollection.Name)]
public sealed class BadInputCorpusTests(ServiceHost api)
{
    public static TheoryData<string, string, string> Corpus() => BadInputCorpus.All();

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task MalformedRequest_Is4xxInRouteShapeAndWritesNothing(string route, string body, string contentType)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (client, method, path, shape) = Target(workspace, route);
        var before = await api.RowCountsAsync();

        var response = await client.SendRawAsync(method, path, body, contentType);

        await ErrorAssert.ShapeAsync(response, shape);
        if (body.Length > 64 * 1024)
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        else if (contentType != BadInputCorpus.Json)
        {
            Assert.True(response.StatusCode is HttpStatusCode.UnsupportedMediaType or HttpStatusCode.BadRequest, $"Got {(int)response.StatusCode}");
        }

        Assert.Equal(before, await api.RowCountsAsync());
    }

    private (HttpClient Client, HttpMethod Method, string Path, ErrorBody Shape) Target(TestWorkspace workspace, string route) => route switch
    {
        "native" => (api.ClientWithKey(workspace.ApiKey), HttpMethod.Post, ApiClients.Native(workspace), ErrorBody.Problem),
        "invite-teammate" => (api.BearerClient(workspace.ApiKey), HttpMethod.Post, ApiClients.InviteTeammate, ErrorBody.StatusMessage),
        "workspace-invite" => (api.WorkspaceInviteClient(workspace.ApiKey, workspace.Id.ToString()), HttpMethod.Post,
            ApiClients.WorkspaceInvite(workspace.Id), ErrorBody.SuccessMessage),
        "lookup" => (api.CreateClient(), HttpMethod.Post, "/v1/invitations/lookup", ErrorBody.Problem),
        "accept" => (api.CreateClient(), HttpMethod.Post, "/v1/invitations/accept", ErrorBody.Problem),
        "join-link-create" => (api.ClientWithKey(workspace.ApiKey), HttpMethod.Post, JoinLinkScenario.JoinLinks(workspace), ErrorBody.Problem),
        "join" => (api.CreateClient(), HttpMethod.Post, JoinLinkScenario.Join, ErrorBody.Problem),
        "admin-workspaces" => (api.OperatorClient(), HttpMethod.Post, "/v1/admin/workspaces", ErrorBody.Problem),
        "admin-branding" => (api.OperatorClient(), HttpMethod.Put, $"/v1/admin/workspaces/{workspace.Id}/branding", ErrorBody.Problem),
        _ => (api.OperatorClient(), HttpMethod.Post, $"/v1/admin/workspaces/{workspace.Id}/{route["admin-".Length..]}", ErrorBody.Problem),
    };
}
