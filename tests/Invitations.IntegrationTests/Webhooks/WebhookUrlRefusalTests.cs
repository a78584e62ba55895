using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>
/// With the service's default settings (private networks not allowed) registration refuses URLs that are plain http or
/// point inward. Nothing is sent anywhere: the refusal is decided before anything is written or connected.
/// </summary>
public sealed class WebhookUrlRefusalTests(ApiFactory<WebhookUrlRefusalTests.PrivateNetworksOff> api)
    : IClassFixture<ApiFactory<WebhookUrlRefusalTests.PrivateNetworksOff>>
{
    /// <summary>Webhooks as deployed by default: https to public addresses only.</summary>
    public sealed class PrivateNetworksOff : IHostSettings
    {
        public static ApiHostOptions Options => ApiHostOptions.Service.With(("Webhooks:AllowPrivateNetworks", "false"));
    }

    [Theory]
    [InlineData("http://127.0.0.1/hooks")]
    [InlineData("http://10.0.0.1/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://10.0.0.1/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1")]
    [InlineData("https://[64:ff9b:1::a9fe:a9fe]/")]
    [InlineData("https://[::ffff:0:a9fe:a9fe]/hooks")]
    [InlineData("https://[3fff::1]/hooks")]
    public async Task Register_AnInwardOrPlainHttpUrl_Is400_AndNothingIsWritten(string url)
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(WebhookScenario.Webhooks(workspace), new { url });

        // The sentence names the setting a developer with a receiver on this machine turns on.
        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "webhook-url-refused");
        Assert.Contains("Webhooks:AllowPrivateNetworks=true", (string?)problem["detail"]);
        Assert.Equal(0, await WebhookCountAsync());
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest")]
    [InlineData("https://[64:ff9b:1::a9fe:a9fe]/latest")]
    public async Task Patch_ToAnInwardUrl_Is400_AndTheEndpointKeepsItsUrl(string url)
    {
        // An endpoint registered earlier (written directly: this host accepts no address anything listens on), disabled.
        var workspace = await api.CreateWorkspaceAsync();
        var id = Guid.NewGuid();
        await api.ExecuteSqlAsync(
            """
            INSERT INTO webhook_endpoints (id, workspace_id, url, events, enabled, secret, created_at)
            VALUES (@id, @workspace, 'https://hooks.invalid/x', ARRAY['*'], false, 'whsec_AAAA', now())
            """,
            ("id", id), ("workspace", workspace.Id));

        var response = await api.ClientWithKey(workspace.ApiKey)
            .PatchAsJsonAsync($"{WebhookScenario.Webhooks(workspace)}/{id}", new { url });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "webhook-url-refused");
        Assert.Equal("https://hooks.invalid/x", (string?)(await api.GetWebhookAsync(workspace, id))["url"]);
    }

    private Task<int> WebhookCountAsync() => api.DbAsync(db => db.WebhookEndpoints.CountAsync());
}
