using System.Net;
using System.Text;

namespace Invitations.IntegrationTests.Bulk;

/// <summary>
/// A bulk body is read only for a caller who may invite, and only as far as the 1,000th row: a key that may not invite
/// costs the service no parsing, and a file with more rows is refused for its size however broken its tail is.
/// </summary>
public sealed class BulkReadingBoundsTests(ApiFactory<BulkLimit> api) : IClassFixture<ApiFactory<BulkLimit>>
{
    [Theory]
    [InlineData("text/csv", "email,role\n\"never closed,viewer\n")]
    [InlineData("application/json", "{\"invitations\":[{\"email\":")]
    public async Task AViewersKey_Is403_WhateverTheBody(string contentType, string body)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var viewerKey = await api.MemberKeyAsync(workspace, "viewer");
        var before = await api.RowCountsAsync();

        var response = await api.ClientWithKey(viewerKey).PostRawAsync(Bulk(workspace), body, contentType);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "cannot-invite");
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task AViewersKey_SendingAMebibyteOfShortLines_Is403()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var viewerKey = await api.MemberKeyAsync(workspace, "viewer");
        var lines = "email\n" + new StringBuilder().Insert(0, "a\n", (1024 * 1024 / 2) - 8);

        var response = await api.ClientWithKey(viewerKey).PostRawAsync(Bulk(workspace), lines.ToString(), "text/csv");

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "cannot-invite");
    }

    [Fact]
    public async Task Csv_OfMoreThanAThousandRows_IsTheRowCount400_NotAnErrorFurtherOn()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();
        var csv = "email,role\n" + string.Concat(Enumerable.Range(0, 1001).Select(i => $"row{i}@example.com,viewer\n")) + "\"broken,viewer\n";

        var response = await api.ClientWithKey(workspace.ApiKey).PostRawAsync(Bulk(workspace), csv, "text/csv");

        await AssertRowCountRefusalAsync(response);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task Json_OfMoreThanAThousandRows_IsTheRowCount400_NotAnErrorFurtherOn()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();
        var json = "{\"invitations\":[" + string.Concat(Enumerable.Range(0, 1001).Select(i => $"{{\"email\":\"row{i}@example.com\",\"role\":\"viewer\"}},"))
            + "{\"email\": tru";

        var response = await api.ClientWithKey(workspace.ApiKey).PostRawAsync(Bulk(workspace), json);

        await AssertRowCountRefusalAsync(response);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task Json_OfExactlyAThousandRows_WithDefaultsAfterThem_IsCreated()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var json = "{\"invitations\":[" + string.Join(',', Enumerable.Range(0, 1000).Select(i => $"{{\"email\":\"row{i}@example.com\"}}"))
            + "],\"defaults\":{\"role\":\"viewer\",\"send_email\":false}}";

        var body = await (await api.ClientWithKey(workspace.ApiKey).PostRawAsync(Bulk(workspace), json)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1000, (int)body["summary"]!["created"]!);
        Assert.All(body["results"]!.AsArray(), r => Assert.Equal("viewer", (string?)r!["invitation"]!["role"]));
    }

    private static async Task AssertRowCountRefusalAsync(HttpResponseMessage response)
    {
        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("1 to 1000 invitations", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.NotEmpty(problem["errors"]!["invitations"]!.AsArray());
    }

    private static string Bulk(TestWorkspace workspace) => $"/v1/workspaces/{workspace.Id}/invitations/bulk";
}
