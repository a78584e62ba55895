using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invitations.Application.JoinLinks.JoinThroughLink;
using Invitations.Domain.JoinLinks;

namespace Invitations.IntegrationTests.Support;

/// <summary>Join links (contract §13) through the public API: managed with a workspace key, looked up and joined with no key.</summary>
public static class JoinLinkScenario
{
    public const string Lookup = "/v1/join-links/lookup";
    public const string Join = "/v1/join-links/join";

    public static string JoinLinks(TestWorkspace workspace) => $"/v1/workspaces/{workspace.Id}/join-links";

    public static Task<HttpResponseMessage> PostJoinLinkAsync(this ApiFactory api, TestWorkspace workspace, object body, string? apiKey = null) =>
        api.ClientWithKey(apiKey ?? workspace.ApiKey).PostAsJsonAsync(JoinLinks(workspace), body);

    /// <summary>A link made with the owner's key (role <c>editor</c> unless <paramref name="body"/> says), and the token from its URL.</summary>
    public static async Task<(JsonObject Link, string Token)> CreateJoinLinkAsync(this ApiFactory api, TestWorkspace workspace, object? body = null)
    {
        var request = JsonSerializer.SerializeToNode(body ?? new { }, Scenario.Json)!.AsObject();
        request["role"] ??= "editor";
        var link = await (await api.PostJoinLinkAsync(workspace, request)).ReadJsonAsync(HttpStatusCode.Created);
        return (link, TokenOf(link["url"]!.GetValue<string>()));
    }

    public static string TokenOf(string url) => url[(url.IndexOf("/join#token=", StringComparison.Ordinal) + "/join#token=".Length)..];

    public static Guid IdOf(JsonObject link) => link["id"]!.GetValue<Guid>();

    public static async Task<JsonObject> GetJoinLinkAsync(this ApiFactory api, TestWorkspace workspace, Guid id) =>
        await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"{JoinLinks(workspace)}/{id}")).ReadJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonArray> JoinLinkInvitationsAsync(this ApiFactory api, TestWorkspace workspace, Guid id) =>
        (await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"{JoinLinks(workspace)}/{id}/invitations")).ReadJsonAsync(HttpStatusCode.OK))["items"]!
            .AsArray();

    public static Task<HttpResponseMessage> LookupJoinLinkAsync(this HttpClient client, string token) =>
        client.PostAsJsonAsync(Lookup, new { token });

    public static Task<HttpResponseMessage> JoinAsync(this HttpClient client, string token, string email, string? locale = null) =>
        client.PostAsJsonAsync(Join, locale is null ? new { token, email } : (object)new { token, email, locale });

    public static Task<HttpResponseMessage> JoinAsync(this ApiFactory api, string token, string email) => api.CreateClient().JoinAsync(token, email);

    /// <summary>What a queued join's job does, run here (a host without workers never runs it).</summary>
    public static Task<JoinOutcome> JoinNowAsync(this ApiFactory api, Guid linkId, string email) =>
        api.SendAsync(new JoinThroughLinkCommand(new JoinLinkId(linkId), email, null, null, null));

    /// <summary>Joins queued and not yet run (or, with <paramref name="everQueued"/>, every join ever queued) on any node of the database.</summary>
    public static Task<long> QueuedJoinsAsync(this ApiFactory api, bool everQueued = false) =>
        api.ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.job WHERE invocationdata->>'Type' LIKE '%JoinJob%'" +
            (everQueued ? "" : " AND statename IN ('Enqueued', 'Processing', 'Scheduled', 'Awaiting')"));

    /// <summary>Waits until every queued join has run, on whichever node ran it.</summary>
    public static async Task WaitForJoinsAsync(this ApiFactory api)
    {
        var deadline = DateTime.UtcNow + JobScenario.Patience;
        while (await api.QueuedJoinsAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Joins still queued after {JobScenario.Patience}.");
            await Task.Delay(100);
        }
    }

    /// <summary>The invitations of the workspace, by address (lower case), read from the list a client sees.</summary>
    public static async Task<IReadOnlyList<JsonObject>> InvitationsAsync(this ApiFactory api, TestWorkspace workspace) =>
        [.. (await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"{ApiClients.Native(workspace)}?limit=100")).ReadJsonAsync(HttpStatusCode.OK))["items"]!
            .AsArray().Select(i => i!.AsObject())];
}
