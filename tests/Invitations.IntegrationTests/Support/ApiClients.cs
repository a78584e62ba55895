using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Invitations.IntegrationTests.Support;

/// <summary>Clients the way each kind of caller authenticates, and raw requests for bodies a serializer would not write.</summary>
public static class ApiClients
{
    public const string InviteTeammate = "/integrations/api/workspace/invitations";

    public static string WorkspaceInvite(Guid workspaceId) => $"/v1/api/workspaces/{workspaceId}/invite";

    public static string Native(TestWorkspace workspace) => $"/v1/workspaces/{workspace.Id}/invitations";

    /// <summary>A client whose requests arrive from <paramref name="address"/>, so a test of per-address limits has its own budget.</summary>
    public static HttpClient ClientFrom(this ApiFactory api, string address)
    {
        var ip = System.Net.IPAddress.Parse(address);
        return new HttpClient(api.Server.CreateHandler(context => context.Connection.RemoteIpAddress = ip)) { BaseAddress = api.Server.BaseAddress };
    }

    public static HttpClient BearerClient(this ApiFactory api, string apiKey)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>The workspace-invite route's headers: <c>x-api-key</c> and, unless null, <c>x-workspace-id</c>.</summary>
    public static HttpClient WorkspaceInviteClient(this ApiFactory api, string apiKey, string? workspaceHeader)
    {
        var client = api.ClientWithKey(apiKey);
        if (workspaceHeader is not null)
        {
            client.DefaultRequestHeaders.Add("x-workspace-id", workspaceHeader);
        }

        return client;
    }

    /// <summary>Sends <paramref name="body"/> byte for byte; a null <paramref name="contentType"/> sends no Content-Type at all.</summary>
    public static Task<HttpResponseMessage> SendRawAsync(
        this HttpClient client, HttpMethod method, string path, string body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return client.SendAsync(new HttpRequestMessage(method, path) { Content = content });
    }

    /// <summary>A POST of <paramref name="body"/> as JSON (none when null), with an <c>Idempotency-Key</c> unless that is null.</summary>
    public static HttpRequestMessage Post(string path, object? body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string? contentType = "application/json") =>
        client.SendRawAsync(HttpMethod.Post, path, body, contentType);
}
