using System.Net;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Operations;

[Collection(ServiceHostCollection.Name)]
public sealed class HealthAndDocsTests(ServiceHost api)
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
    [InlineData("/v1/workspaces/{workspaceId}/invitations/bulk", "post")]
    [InlineData("/v1/workspaces/{workspaceId}/members", "get")]
    [InlineData("/v1/invitations/lookup", "post")]
    [InlineData("/v1/invitations/accept", "post")]
    [InlineData("/v1/workspaces/{workspaceId}/join-links", "post")]
    [InlineData("/v1/workspaces/{workspaceId}/join-links", "get")]
    [InlineData("/v1/workspaces/{workspaceId}/join-links/{linkId}", "get")]
    [InlineData("/v1/workspaces/{workspaceId}/join-links/{linkId}/disable", "post")]
    [InlineData("/v1/workspaces/{workspaceId}/join-links/{linkId}/rotate", "post")]
    [InlineData("/v1/workspaces/{workspaceId}/join-links/{linkId}/invitations", "get")]
    [InlineData("/v1/join-links/lookup", "post")]
    [InlineData("/v1/join-links/join", "post")]
    [InlineData("/v1/admin/workspaces", "post")]
    [InlineData("/v1/admin/workspaces/{workspaceId}/members", "post")]
    [InlineData("/v1/admin/workspaces/{workspaceId}/api-keys", "post")]
    [InlineData("/v1/admin/workspaces/{workspaceId}/teams", "post")]
    [InlineData("/v1/admin/workspaces/{workspaceId}/branding", "put")]
    public async Task OpenApi_WithoutKey_ListsContractRoute(string path, string method)
    {
        var document = await OpenApiAsync();

        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey(path), $"{path} is missing; the document lists: {string.Join(", ", paths.Select(p => p.Key))}");
        Assert.True(paths[path]!.AsObject().ContainsKey(method), $"{method.ToUpperInvariant()} {path} is missing");
    }

    [Fact]
    public async Task OpenApi_IsAnOpenApi3Document()
    {
        var document = await OpenApiAsync();

        Assert.StartsWith("3.", (string?)document["openapi"]);
        Assert.IsType<JsonObject>(document["info"]);
    }

    [Fact]
    public async Task OpenApi_EveryOperation_HasSummaryOperationIdAndSecurity()
    {
        var document = await OpenApiAsync();

        var incomplete = Operations(document)
            .Where(o => o.Operation["summary"] is null || o.Operation["operationId"] is null || o.Operation["security"] is null)
            .Select(o => o.Name);
        Assert.Empty(incomplete);
    }

    [Theory]
    [InlineData("/integrations/api/workspace/invitations", "post", "bearerApiKey|apiKeyHeader")]
    [InlineData("/v1/api/workspaces/{workspaceId}/invite", "post", "bearerApiKey|apiKeyHeader")]
    [InlineData("/v1/workspaces/{workspaceId}/invitations", "post", "bearerApiKey|apiKeyHeader")]
    [InlineData("/v1/workspaces/{workspaceId}/webhooks", "get", "bearerApiKey|apiKeyHeader")]
    [InlineData("/v1/admin/workspaces", "post", "operatorKey")]
    [InlineData("/v1/invitations/accept", "post", "")]
    [InlineData("/v1/workspaces/{workspaceId}/join-links", "post", "bearerApiKey|apiKeyHeader")]
    [InlineData("/v1/join-links/join", "post", "")]
    public async Task OpenApi_Operation_RequiresTheSchemesOfItsPolicy(string path, string method, string schemes)
    {
        var document = await OpenApiAsync();

        var security = document["paths"]![path]![method]!["security"]!.AsArray();
        Assert.Equal(schemes, string.Join('|', security.SelectMany(requirement => requirement!.AsObject().Select(s => s.Key))));
        foreach (var scheme in schemes.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.NotNull(document["components"]!["securitySchemes"]![scheme]);
        }
    }

    [Fact]
    public async Task OpenApi_TheWriteRoutes_DeclareTheIdempotencyKeyHeader_AndTheReadsDoNot()
    {
        var document = await OpenApiAsync();

        var withKey = Operations(document)
            .Where(o => o.Operation["parameters"]?.AsArray().Any(p => (string?)p!["name"] == "Idempotency-Key" && (string?)p["in"] == "header") == true)
            .Select(o => o.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                "POST /integrations/api/workspace/invitations",
                "POST /v1/api/workspaces/{workspaceId}/invite",
                "POST /v1/workspaces/{workspaceId}/invitations",
                "POST /v1/workspaces/{workspaceId}/invitations/bulk",
                "POST /v1/workspaces/{workspaceId}/invitations/{invitationId}/resend",
                "POST /v1/workspaces/{workspaceId}/invitations/{invitationId}/revoke",
                "POST /v1/workspaces/{workspaceId}/webhooks",
            ],
            withKey);
        var bulk = document["paths"]!["/v1/workspaces/{workspaceId}/invitations/bulk"]!["post"]!;
        Assert.Equal(["application/json", "text/csv"], bulk["requestBody"]!["content"]!.AsObject().Select(c => c.Key).Order());
    }

    [Fact]
    public async Task OpenApi_WorkspaceInviteRoute_DeclaresItsWorkspaceHeaderAndPathParameter()
    {
        var document = await OpenApiAsync();

        var parameters = document["paths"]!["/v1/api/workspaces/{workspaceId}/invite"]!["post"]!["parameters"]!.AsArray();
        Assert.Contains(parameters, p => (string?)p!["name"] == "x-workspace-id" && (string?)p["in"] == "header" && (bool?)p["required"] == true);
        Assert.Contains(parameters, p => (string?)p!["name"] == "workspaceId" && (string?)p["in"] == "path");
    }

    [Theory]
    [InlineData("/integrations/api/workspace/invitations", "application/json", "InviteTeammateError")]
    [InlineData("/v1/api/workspaces/{workspaceId}/invite", "application/json", "WorkspaceInviteResponse")]
    [InlineData("/v1/workspaces/{workspaceId}/invitations", "application/problem+json", "ProblemDetails")]
    public async Task OpenApi_CreateRoute_DocumentsItsErrorsInItsOwnShape(string path, string contentType, string schema)
    {
        var document = await OpenApiAsync();

        var responses = document["paths"]![path]!["post"]!["responses"]!.AsObject();
        foreach (var status in new[] { "401", "403", "409", "429", "503" })
        {
            Assert.Equal($"#/components/schemas/{schema}", (string?)responses[status]?["content"]?[contentType]?["schema"]?["$ref"]);
        }
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

    private async Task<JsonNode> OpenApiAsync() =>
        await (await api.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => o.Key != "parameters")
            .Select(o => ($"{o.Key.ToUpperInvariant()} {path.Key}", o.Value!)));
}
