using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.Support;

public sealed record TestWorkspace(Guid Id, string ApiKey, long OwnerUserId, string OwnerEmail);

/// <summary>The steps most tests start with, through the public API as a client would take them.</summary>
public static class Scenario
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static Task<TestWorkspace> CreateWorkspaceAsync(this ApiFactory api, string? name = null) =>
        CreateWorkspaceAsync(api.CreateClient(), ApiFactory.OperatorKey, name);

    /// <summary>Creates a workspace through the operator route of any service: a test host, or a real process.</summary>
    public static async Task<TestWorkspace> CreateWorkspaceAsync(HttpClient client, string operatorKey, string? name = null)
    {
        var owner = Mailbox.NewAddress("owner");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/workspaces")
        {
            Content = JsonContent.Create(new { name = name ?? "Acme", owner = new { email = owner, first_name = "Olga", last_name = "Owner" } }),
        };
        request.Headers.Add("x-operator-key", operatorKey);
        var body = await (await client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.Created);
        return new TestWorkspace(
            body["workspace_id"]!.GetValue<Guid>(), body["api_key"]!.GetValue<string>(),
            body["owner"]!["user_id"]!.GetValue<long>(), owner);
    }

    /// <summary>Adds a member with <paramref name="role"/> and returns an API key acting as them.</summary>
    public static async Task<string> MemberKeyAsync(this ApiFactory api, TestWorkspace workspace, string role, string? email = null)
    {
        var client = api.OperatorClient();
        var member = await (await client.PostAsJsonAsync(
                $"/v1/admin/workspaces/{workspace.Id}/members",
                new { email = email ?? $"{role}-{Guid.NewGuid():N}@example.com", role }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var key = await (await client.PostAsJsonAsync(
                $"/v1/admin/workspaces/{workspace.Id}/api-keys", new { user_id = member["user_id"]!.GetValue<long>() }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return key["api_key"]!.GetValue<string>();
    }

    public static Task<HttpResponseMessage> InviteAsync(
        this ApiFactory api, TestWorkspace workspace, string email, string role = "teammate", bool sendEmail = true, object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(extra ?? new { }, Json)!.AsObject();
        body["email"] = email;
        body["role"] = role;
        body["send_email"] = sendEmail;
        return api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync($"/v1/workspaces/{workspace.Id}/invitations", body);
    }

    /// <summary>Creates an invitation whose link the caller delivers, and returns it with the token from its accept_url.</summary>
    public static async Task<(JsonObject Invitation, string Token)> InviteWithTokenAsync(
        this ApiFactory api, TestWorkspace workspace, string email, string role = "teammate", object? extra = null)
    {
        var invitation = await (await api.InviteAsync(workspace, email, role, sendEmail: false, extra)).ReadJsonAsync(HttpStatusCode.Created);
        return (invitation, TokenOf(invitation["accept_url"]!.GetValue<string>()));
    }

    /// <summary>Creates an invitation and returns its id; unless asked, it sends no email (for tests that never wait for one).</summary>
    public static async Task<Guid> InvitationIdAsync(
        this ApiFactory api, TestWorkspace workspace, string? email = null, bool sendEmail = false, int? expiresInDays = null)
    {
        var response = await api.InviteAsync(
            workspace, email ?? Mailbox.NewAddress("invitee"), sendEmail: sendEmail,
            extra: expiresInDays is null ? null : new { expires_in_days = expiresInDays });
        return (await response.ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    public static string TokenOf(string acceptUrl) => acceptUrl[(acceptUrl.IndexOf("#token=", StringComparison.Ordinal) + 7)..];

    public static Task<HttpResponseMessage> AcceptAsync(this ApiFactory api, string token, object? names = null)
    {
        var body = JsonSerializer.SerializeToNode(names ?? new { }, Json)!.AsObject();
        body["token"] = token;
        return api.CreateClient().PostAsJsonAsync("/v1/invitations/accept", body);
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Rows in every table the API writes: compared before and after a request that must write nothing.</summary>
    public static async Task<string> RowCountsAsync(this ApiFactory api) => await api.DbAsync(async db =>
        string.Join(",",
            await db.Workspaces.CountAsync(),
            await db.Set<Invitations.Domain.Workspaces.Team>().CountAsync(),
            await db.Members.CountAsync(),
            await db.ApiKeys.CountAsync(),
            await db.Invitations.CountAsync(),
            await db.Invitations.SumAsync(i => i.DeliveryVersion),
            await db.InvitationDeliveries.CountAsync(),
            await db.JoinLinks.CountAsync(),
            await db.JoinLinks.SumAsync(l => l.Uses))) + "," + await api.QueuedJoinsAsync(everQueued: true);
}
