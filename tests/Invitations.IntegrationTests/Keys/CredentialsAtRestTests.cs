using System.Net;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Keys;

/// <summary>
/// contract §2: nothing secret at rest in plaintext. A database that has served every route that makes a credential — a
/// workspace and its API keys, links the caller delivers, webhook secrets created and rotated, the same with an
/// Idempotency-Key (whose response is remembered), an emailed link and a delivered webhook — holds none of them in any
/// column of any table, nor in a pg_dump of it; the webhooks still arrive signed with the secrets the client was given.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class CredentialsAtRestTests(ServiceHost api) : IAsyncLifetime
{
    private readonly List<string> _credentials = [];
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task EveryRouteThatMakesACredential_LeavesNoUsableOneInTheDatabase()
    {
        var workspace = await api.CreateWorkspaceAsync("Vault");
        var adminKey = await api.MemberKeyAsync(workspace, "admin");
        Keep(workspace.ApiKey, adminKey);
        var owner = api.ClientWithKey(workspace.ApiKey);

        var hook = await CreatedAsync(owner, WebhookScenario.Webhooks(workspace), new { url = _receiver.Url.ToString() }, "hook-key");
        var first = (string)hook["secret"]!;
        var rotated = (string)(await (await owner.PostAsync($"{WebhookScenario.Webhooks(workspace)}/{hook["id"]}/rotate-secret", null))
            .ReadJsonAsync(HttpStatusCode.Created))["secret"]!;
        Keep(first, rotated);
        KeepLink(await CreatedAsync(owner, ApiClients.Native(workspace), new { email = "keyed@example.com", role = "viewer", send_email = false }, "create-key"));
        KeepLink(await CreatedAsync(owner, ApiClients.Native(workspace), new { email = "plain@example.com", role = "viewer", send_email = false }, null));
        var bulk = await (await owner.SendAsync(ApiClients.Post($"{ApiClients.Native(workspace)}/bulk", new
        {
            invitations = new[] { new { email = "bulk-1@example.com" }, new { email = "bulk-2@example.com" } },
            defaults = new { role = "viewer", send_email = false },
        }, "bulk-key"))).ReadJsonAsync(HttpStatusCode.OK);
        foreach (var row in bulk["results"]!.AsArray())
        {
            KeepLink(row!["invitation"]!.AsObject());
        }

        var mailed = Mailbox.NewAddress("mailed");
        await CreatedAsync(owner, ApiClients.Native(workspace), new { email = mailed, role = "viewer" }, null);
        Keep(Mailbox.TokenIn((await api.Smtp.WaitForMailAsync(mailed)).Single()));

        var created = await _receiver.WaitForCountAsync(w => w.Type == "invitation.created", 5, JobScenario.Patience);
        Assert.All(created, w => Assert.True(StandardWebhookVerifier.Verify(rotated, w.Headers, w.Body), "not signed with the rotated secret"));
        Assert.All(created, w => Assert.True(StandardWebhookVerifier.Verify(first, w.Headers, w.Body), "not signed with the first secret in its overlap"));
        await api.WaitForDeliveryAsync(workspace, (Guid)hook["id"]!, created[0].Id, "succeeded");

        var found = await DatabaseScan.FindAsync(api.ConnectionString, Needles());
        Assert.True(found.Count == 0, "Credentials at rest:\n" + string.Join("\n", found));
    }

    [Fact]
    public void PgDump_IsInstalled_SoTheDumpIsChecked() => Assert.NotNull(DatabaseScan.PgDumpPath());

    /// <summary>Each credential, and for a webhook secret also its key material (the base64 after <c>whsec_</c>, and as hex).</summary>
    private IReadOnlyCollection<string> Needles() =>
    [
        .. _credentials,
        .. _credentials.Where(c => c.StartsWith("whsec_", StringComparison.Ordinal)).SelectMany(c => new[]
        {
            c["whsec_".Length..], Convert.ToHexStringLower(Convert.FromBase64String(c["whsec_".Length..])),
        }),
    ];

    private void Keep(params string[] credentials)
    {
        Assert.All(credentials, c => Assert.True(c.Length >= 32, $"'{c}' is not a credential"));
        _credentials.AddRange(credentials);
    }

    private void KeepLink(JsonObject invitation) => Keep(Scenario.TokenOf((string)invitation["accept_url"]!));

    private static async Task<JsonObject> CreatedAsync(HttpClient client, string path, object body, string? idempotencyKey) =>
        await (await client.SendAsync(ApiClients.Post(path, body, idempotencyKey))).ReadJsonAsync(HttpStatusCode.Created);
}
