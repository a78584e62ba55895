using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Support;

/// <summary>What an invitee does with a link (no key) and what a workspace sees of their choices, through the public API.</summary>
public static class InviteeScenario
{
    public static string OptOuts(TestWorkspace workspace) => $"/v1/workspaces/{workspace.Id}/opt-outs";

    public static Task<HttpResponseMessage> DeclineAsync(this ApiFactory api, string token, string? reason = null, bool? block = null) =>
        api.CreateClient().PostAsJsonAsync("/v1/invitations/decline", new { token, reason, block });

    public static Task<HttpResponseMessage> LookupAsync(this ApiFactory api, string token, string? acceptLanguage = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/invitations/lookup") { Content = JsonContent.Create(new { token }) };
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        return api.CreateClient().SendAsync(request);
    }

    public static async Task<JsonArray> OptOutListAsync(this ApiFactory api, TestWorkspace workspace) =>
        (await (await api.ClientWithKey(workspace.ApiKey).GetAsync(OptOuts(workspace))).ReadJsonAsync(HttpStatusCode.OK))["items"]!.AsArray();

    public static async Task<JsonArray> MembersAsync(this ApiFactory api, TestWorkspace workspace) =>
        (await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"/v1/workspaces/{workspace.Id}/members")).ReadJsonAsync(HttpStatusCode.OK))["items"]!
            .AsArray();
}
