using System.Net;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Operations;

[Collection(ServiceHostCollection.Name)]
public sealed class HealthAndDocsTests(ApiFactory api)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WithoutKey_Is200(string path)
    {
        var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/integrations/api/workspace/invitations", "post")]
    [InlineData("/v1/api/workspaces/{workspaceId}/invite", "post")]
    [InlineData("/v1/workspaces/{workspaceId}/invitations", "post")]
    [InlineData("/v1/workspaces/{workspaceId}/invitations", "get")]
    [InlineData("/v1/workspaces/{workspaceId}/invitations/{invitationId}", "get")]
    [InlineData("/v1/workspaces/{workspaceId}/invitations/{invitationId}/revoke", "post")]
    [InlineData("/v1/workspaces/{workspaceId}/invitations/{invitationId}/resend", "post")]
    [InlineData("/v1/workspaces/{workspaceId}/members", "get")]
    [InlineData("/v1/invitations/lookup", "post")]
    [InlineData("/v1/invitations/accept", "post")]
    [InlineData("/v1/admin/workspaces", "post")]
    [InlineData("/v1/admin/workspaces/{workspaceId}/members", "post")]
    [InlineData("/v1/admin/workspaces/{workspaceId}/api-keys", "post")]
    [InlineData("/v1/admin/workspaces/{workspaceId}/teams", "post")]
    [InlineData("/v1/admin/workspaces/{workspaceId}/branding", "put")]
    public async Task OpenApi_WithoutKey_ListsContractRoute(string path, string method)
    {
        var response = await api.CreateClient().GetAsync("/openapi/v1.json");

        var document = await response.ReadJsonAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey(path), $"{path} is missing; the document lists: {string.Join(", ", paths.Select(p => p.Key))}");
        Assert.True(paths[path]!.AsObject().ContainsKey(method), $"{method.ToUpperInvariant()} {path} is missing");
    }

    [Fact]
    public async Task OpenApi_IsAnOpenApi3Document()
    {
        var document = await (await api.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.StartsWith("3.", (string?)document["openapi"]);
        Assert.IsType<JsonObject>(document["info"]);
    }

    [Fact]
    public async Task Docs_WithoutKey_IsScalarHtmlPage()
    {
        var response = await api.CreateClient().GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("scalar", html, StringComparison.OrdinalIgnoreCase);
    }
}
