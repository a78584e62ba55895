using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Operations;

/// <summary>What a client generated from the document learns of contract §11: the routes, and the fields with their rules.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class OpenApiInviteeChoicesTests(ServiceHost api)
{
    [Theory]
    [InlineData("/v1/invitations/decline", "post", "DeclineInvitation")]
    [InlineData("/v1/workspaces/{workspaceId}/opt-outs", "get", "ListOptOuts")]
    [InlineData("/v1/workspaces/{workspaceId}/opt-outs/{email}", "delete", "LiftOptOut")]
    public async Task TheNewRoutes_AreDescribed(string path, string method, string operationId)
    {
        var document = await DocumentAsync();

        Assert.Equal(operationId, (string?)document["paths"]![path]![method]!["operationId"]);
    }

    [Theory]
    [InlineData("InvitationResponse", "locale")]
    [InlineData("InvitationResponse", "declined_at")]
    [InlineData("InvitationResponse", "decline_reason")]
    [InlineData("CreateInvitationRequest", "locale")]
    [InlineData("ResendInvitationRequest", "locale")]
    [InlineData("BulkDefaultsRequest", "locale")]
    [InlineData("BrandingRequest", "default_locale")]
    [InlineData("BrandingResponse", "default_locale")]
    [InlineData("InvitationLookupResponse", "language")]
    [InlineData("DeclineInvitationRequest", "block")]
    public async Task TheNewFields_AreDescribed(string schema, string property)
    {
        var document = await DocumentAsync();

        Assert.NotNull(document["components"]!["schemas"]![schema]!["properties"]![property]);
    }

    [Theory]
    [InlineData("InvitationResponse")]
    [InlineData("MemberResponse")]
    [InlineData("CreateInvitationRequest")]
    [InlineData("BulkDefaultsRequest")]
    public async Task Metadata_IsAnObjectOfAtMost20Keys(string schema)
    {
        var document = await DocumentAsync();

        var metadata = document["components"]!["schemas"]![schema]!["properties"]!["metadata"]!;
        if (metadata["$ref"] is { } reference)
        {
            metadata = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!;
        }

        Assert.Contains("object", metadata["type"]!.ToJsonString());
        Assert.Equal(20, (int)metadata["maxProperties"]!);
    }

    private async Task<JsonObject> DocumentAsync() => (await api.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
}
