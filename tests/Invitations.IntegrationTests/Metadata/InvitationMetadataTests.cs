using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Metadata;

/// <summary>The caller's own data on an invitation (contract §11): checked on the way in, shown everywhere, kept by the member.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class InvitationMetadataTests(ServiceHost api)
{
    public static TheoryData<string, string> BrokenRules => new()
    {
        { "[1, 2]", "must be a JSON object" },
        { "\"plan=pro\"", "must be a JSON object" },
        { Keys(21), "at most 20 keys" },
        { """{"": 1}""", "1 to 40 characters" },
        { $$"""{"{{new string('k', 41)}}": 1}""", "1 to 40 characters" },
        { """{"plan id": 1}""", "1 to 40 characters of A-Z" },
        { """{"plän": 1}""", "1 to 40 characters of A-Z" },
        { """{"a": 1, "a": 2}""", "unique" },
        { $$"""{"note": "{{new string('ü', 2045)}}"}""", "at most 4096 bytes" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task Create_WithMetadataBreakingARule_Is400NamingIt_AndWritesNothing(string metadata, string rule)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();

        var response = await api.ClientWithKey(workspace.ApiKey).PostRawAsync(
            ApiClients.Native(workspace), $$"""{"email": "meta@example.com", "role": "viewer", "metadata": {{metadata}}}""");

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains(rule, string.Join(" ", problem["errors"]!["metadata"]!.AsArray().Select(m => (string?)m)));
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task Create_WithMetadataAtEveryLimit_IsKeptAsGiven()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var metadata = JsonNode.Parse(Keys(20))!.AsObject();
        metadata[new string('K', 40)] = new string('ü', 1700); // 20 keys in all: the last one replaced
        metadata.Remove("k19");
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(metadata.ToJsonString(Relaxed)) is > 3400 and <= 4096);

        var created = await (await api.InviteAsync(workspace, "limits@example.com", sendEmail: false, extra: new { metadata }))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.True(JsonNode.DeepEquals(metadata, created["metadata"]));
        Assert.Equal(created["metadata"]!.ToJsonString(), (await api.GetInvitationAsync(workspace, created["id"]!.GetValue<Guid>()))["metadata"]!.ToJsonString());
    }

    [Fact]
    public async Task Metadata_TravelsFromTheInvitationToTheMember_AndIsEmptyWhereNoneWasGiven()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var metadata = new JsonObject { ["crm.id"] = "A-17", ["seats"] = 3, ["tags"] = new JsonArray("beta", "eu"), ["Plan_Tier-2"] = null };
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "carried@example.com", extra: new { metadata });
        var compat = await api.BearerClient(workspace.ApiKey).PostAsJsonAsync(ApiClients.InviteTeammate, new { email = "compat@example.com" });
        await compat.ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(metadata.ToJsonString(), invitation["metadata"]!.ToJsonString());
        var listed = (await (await api.ClientWithKey(workspace.ApiKey).GetAsync(ApiClients.Native(workspace))).ReadJsonAsync(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(metadata.ToJsonString(), listed.Single(i => (string?)i!["email"] == "carried@example.com")!["metadata"]!.ToJsonString());
        Assert.Equal("{}", listed.Single(i => (string?)i!["email"] == "compat@example.com")!["metadata"]!.ToJsonString());

        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        var members = await api.MembersAsync(workspace);
        Assert.Equal(metadata.ToJsonString(), members.Single(m => (string?)m!["email"] == "carried@example.com")!["metadata"]!.ToJsonString());
        Assert.Equal("{}", members.Single(m => (string?)m!["email"] == workspace.OwnerEmail)!["metadata"]!.ToJsonString());
    }

    [Fact]
    public async Task Bulk_RowMetadataWinsOverTheDefault_ABadRowIsInvalid_AndABadDefaultRefusesTheRequest()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var client = api.ClientWithKey(workspace.ApiKey);

        var body = await (await client.PostAsJsonAsync($"{ApiClients.Native(workspace)}/bulk", new
        {
            invitations = new object[]
            {
                new { email = "own@example.com", metadata = new { source = "row" } },
                new { email = "default@example.com" },
                new { email = "bad@example.com", metadata = new[] { 1 } },
            },
            defaults = new { role = "viewer", send_email = false, metadata = new { source = "default", batch = 7 } },
        })).ReadJsonAsync(HttpStatusCode.OK);

        var results = body["results"]!.AsArray();
        Assert.Equal("""{"source":"row"}""", results[0]!["invitation"]!["metadata"]!.ToJsonString());
        Assert.Equal("""{"source":"default","batch":7}""", results[1]!["invitation"]!["metadata"]!.ToJsonString());
        Assert.Equal("invalid", (string?)results[2]!["status"]);
        Assert.Contains("metadata", results[2]!["error"]!["errors"]!.AsObject().Select(e => e.Key));
        var before = await api.RowCountsAsync();
        var refused = await ErrorAssert.ProblemAsync(
            await client.PostAsJsonAsync($"{ApiClients.Native(workspace)}/bulk", new
            {
                invitations = new object[] { new { email = "any@example.com" } },
                defaults = new { role = "viewer", metadata = "nope" },
            }),
            HttpStatusCode.BadRequest, "validation");
        Assert.Contains("must be a JSON object", (string?)refused["errors"]!["defaults.metadata"]![0]);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Keys(int count) => "{" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"k{i}\":{i}")) + "}";
}
