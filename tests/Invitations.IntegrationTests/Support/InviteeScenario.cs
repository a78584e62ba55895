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

    /// <summary>The operator sets the workspace's <c>default_locale</c> (contract §4), and nothing else of its branding.</summary>
    public static Task<HttpResponseMessage> SetDefaultLocaleAsync(this ApiFactory api, TestWorkspace workspace, string locale) =>
        api.OperatorClient().PutAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/branding", new { default_locale = locale });

    public static async Task<JsonArray> MembersAsync(this ApiFactory api, TestWorkspace workspace) =>
        (await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"/v1/workspaces/{workspace.Id}/members")).ReadJsonAsync(HttpStatusCode.OK))["items"]!
            .AsArray();
}
