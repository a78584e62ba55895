using System.Net;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Support;

/// <summary>Checks that an error response has its route's own body, with a sentence a client can show.</summary>
public static class ErrorAssert
{
    public const string ProblemPrefix = "urn:invitations:problem:";

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? kind = null)
    {
        var body = await ShapeAsync(response, ErrorBody.Problem, status);
        if (kind is not null)
        {
            Assert.Equal(ProblemPrefix + kind, (string?)body["type"]);
        }

        return body;
    }

    public static Task<JsonObject> InviteTeammateAsync(HttpResponseMessage response, HttpStatusCode status) =>
        ShapeAsync(response, ErrorBody.StatusMessage, status);

    public static Task<JsonObject> WorkspaceInviteAsync(HttpResponseMessage response, HttpStatusCode status) =>
        ShapeAsync(response, ErrorBody.SuccessMessage, status);

    /// <summary>Any 4xx when <paramref name="status"/> is null; never a 5xx.</summary>
    public static async Task<JsonObject> ShapeAsync(HttpResponseMessage response, ErrorBody shape, HttpStatusCode? status = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        var code = (int)response.StatusCode;
        Assert.True(
            status is null ? code is >= 400 and < 500 : response.StatusCode == status,
            $"Expected {(status is null ? "a 4xx" : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture))}, got {code}: {text}");
        var body = Assert.IsType<JsonObject>(JsonNode.Parse(text));
        switch (shape)
        {
            case ErrorBody.Problem:
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.StartsWith(ProblemPrefix, (string?)body["type"]);
                Assert.False(string.IsNullOrWhiteSpace((string?)body["title"]), text);
                Assert.Equal(code, (int?)body["status"]);
                Assert.False(string.IsNullOrWhiteSpace((string?)body["detail"]), text);
                break;
            case ErrorBody.StatusMessage:
                Assert.Equal(["message", "status"], Keys(body));
                Assert.Equal("error", (string?)body["status"]);
                Assert.False(string.IsNullOrWhiteSpace((string?)body["message"]), text);
                break;
            case ErrorBody.SuccessMessage:
                Assert.Equal(["message", "success"], Keys(body));
                Assert.False((bool)body["success"]!);
                Assert.False(string.IsNullOrWhiteSpace((string?)body["message"]), text);
                break;
        }

        return body;
    }

    public static string[] Keys(JsonObject body) => [.. body.Select(p => p.Key).Order(StringComparer.Ordinal)];

    public static void HasRetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter.Delta is { TotalSeconds: >= 1 }, $"Retry-After should be a positive number of seconds, was '{retryAfter}'.");
    }
}
