using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Support;

/// <summary>A workspace's seats and invitation policy (contract §12), through the public API.</summary>
public static class WorkspaceRulesScenario
{
    public static string Seats(TestWorkspace workspace) => $"/v1/workspaces/{workspace.Id}/seats";

    public static string Policy(TestWorkspace workspace) => $"/v1/workspaces/{workspace.Id}/invitation-policy";

    /// <summary>The operator sets the limit (null: none) and gets the seats back.</summary>
    public static Task<HttpResponseMessage> PutSeatLimitAsync(this ApiFactory api, Guid workspaceId, int? limit) =>
        api.OperatorClient().PutAsJsonAsync($"/v1/admin/workspaces/{workspaceId}/seats", new { seat_limit = limit });

    public static async Task<JsonObject> SetSeatLimitAsync(this ApiFactory api, TestWorkspace workspace, int? limit) =>
        await (await api.PutSeatLimitAsync(workspace.Id, limit)).ReadJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonObject> SeatsAsync(this ApiFactory api, TestWorkspace workspace, string? apiKey = null) =>
        await (await api.ClientWithKey(apiKey ?? workspace.ApiKey).GetAsync(Seats(workspace))).ReadJsonAsync(HttpStatusCode.OK);

    /// <summary>Replaces the policy with the owner's key (or <paramref name="apiKey"/>'s); the answer as it came.</summary>
    public static Task<HttpResponseMessage> PutPolicyAsync(this ApiFactory api, TestWorkspace workspace, object policy, string? apiKey = null) =>
        api.ClientWithKey(apiKey ?? workspace.ApiKey).PutAsJsonAsync(Policy(workspace), policy);

    public static async Task<JsonObject> SetPolicyAsync(this ApiFactory api, TestWorkspace workspace, object policy) =>
        await (await api.PutPolicyAsync(workspace, policy)).ReadJsonAsync(HttpStatusCode.OK);

    /// <summary>Members and pending invitations not past their expiry, counted in the rows themselves.</summary>
    public static async Task<(long Members, long Pending)> SeatRowsAsync(this ApiFactory api, TestWorkspace workspace) => (
        await api.ScalarAsync<long>("SELECT count(*) FROM members WHERE workspace_id = @ws", ("ws", workspace.Id)),
        await api.ScalarAsync<long>(
            "SELECT count(*) FROM invitations WHERE workspace_id = @ws AND status = 'pending' AND expires_at > @now",
            ("ws", workspace.Id), ("now", api.Clock?.GetUtcNow() ?? DateTimeOffset.UtcNow)));
}
