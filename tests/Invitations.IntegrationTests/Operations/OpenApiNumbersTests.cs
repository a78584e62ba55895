using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// Numbers in the live document are integers with their ranges, never "an integer or a string of digits" (what the web JSON
/// defaults' AllowReadingFromString made of them, so that generated clients typed them as strings), and the list's
/// <c>limit</c> is an integer parameter.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class OpenApiNumbersTests(ServiceHost api)
{
    [Fact]
    public async Task NoSchema_IsAnIntegerOrAString()
    {
        var document = await DocumentAsync();

        var mixed = Schemas(document, "#").Where(s => Types(s.Schema).Contains("integer") && (Types(s.Schema).Contains("string") || s.Schema["pattern"] is not null));
        Assert.Empty(mixed.Select(s => s.Pointer));
    }

    [Theory]
    [InlineData("InvitationResponse", "user_id", 1, 9223372036854775807)]
    [InlineData("MemberResponse", "user_id", 1, 9223372036854775807)]
    [InlineData("CreateInvitationRequest", "expires_in_days", 1, 30)]
    [InlineData("BulkRowResponse", "index", 0, 999)]
    [InlineData("BulkSummary", "created", 0, 1000)]
    [InlineData("WebhookAttemptResponse", "http_status", 100, 599)]
    public async Task ANumberProperty_IsAnIntegerWithItsRange(string schema, string property, long minimum, long maximum)
    {
        var document = await DocumentAsync();

        var number = document["components"]!["schemas"]![schema]!["properties"]![property]!;
        Assert.Contains("integer", Types(number));
        Assert.Equal((minimum, maximum), ((long)number["minimum"]!, (long)number["maximum"]!));
    }

    [Fact]
    public async Task TheListsLimit_IsAnIntegerFrom1To100_Default50()
    {
        var document = await DocumentAsync();

        var limit = document["paths"]!["/v1/workspaces/{workspaceId}/invitations"]!["get"]!["parameters"]!.AsArray()
            .Single(p => (string?)p!["name"] == "limit")!["schema"]!;
        Assert.Equal(("integer", 1, 100, 50), ((string?)limit["type"], (int)limit["minimum"]!, (int)limit["maximum"]!, (int)limit["default"]!));
    }

    private async Task<JsonObject> DocumentAsync() => (await api.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

    private static string[] Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => [.. types.Select(t => (string)t!)],
        JsonValue type => [(string)type!],
        _ => [],
    };

    private static IEnumerable<(string Pointer, JsonObject Schema)> Schemas(JsonNode node, string pointer)
    {
        if (node is JsonObject obj)
        {
            if (obj["type"] is not null)
            {
                yield return (pointer, obj);
            }

            foreach (var (key, child) in obj)
            {
                foreach (var found in child is null ? [] : Schemas(child, $"{pointer}/{key}"))
                {
                    yield return found;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var found in array[i] is { } item ? Schemas(item, $"{pointer}/{i}") : [])
                {
                    yield return found;
                }
            }
        }
    }
}
