using System.Net;

namespace Invitations.IntegrationTests.Keys;

/// <summary>
/// Rotating <c>Security:EncryptionKeys</c> as docs/operations.md says: the new key first, the old one second. What the old key
/// encrypted keeps working (webhook signing secrets, remembered responses), a start re-encrypts it under the new key, and
/// then the old key may go; a service whose keys can't read what is stored refuses to start, naming the setting.
/// </summary>
public sealed class EncryptionKeyRotationTests(ApiFactory<KeyRotation> api) : IClassFixture<ApiFactory<KeyRotation>>, IAsyncLifetime
{
    private static readonly string Old = TestEncryptionKeys.Current;
    private static readonly string New = TestEncryptionKeys.New();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task ValuesUnderTheOldKey_KeepWorkingAfterRotation_AndTheOldKeyCanThenGo()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var hook = await (await api.ClientWithKey(workspace.ApiKey).SendAsync(ApiClients.Post(WebhookScenario.Webhooks(workspace), new { url = _receiver.Url.ToString() }, "hook")))
            .ReadJsonAsync(HttpStatusCode.Created);
        var invite = new { email = "rotated@example.com", role = "viewer", send_email = false };
        var created = await (await api.ClientWithKey(workspace.ApiKey).SendAsync(ApiClients.Post(ApiClients.Native(workspace), invite, "create"))).Content.ReadAsStringAsync();

        foreach (var keys in new[] { new[] { New, Old }, [New] })
        {
            await using var restarted = new SecondHost(api, serverEnabled: true, Keys(keys));
            var client = restarted.ClientWithKey(workspace.ApiKey);

            var replayed = await client.SendAsync(ApiClients.Post(ApiClients.Native(workspace), invite, "create"));
            var ping = await client.PostAsync($"{WebhookScenario.Webhooks(workspace)}/{hook["id"]}/test", null);

            Assert.True(replayed.Headers.Contains("Idempotent-Replayed"), $"keys {keys.Length}: not replayed");
            Assert.Equal(created, await replayed.Content.ReadAsStringAsync());
            var eventId = (string)(await ping.ReadJsonAsync(HttpStatusCode.Accepted))["event_id"]!;
            var received = await _receiver.WaitForAsync(w => w.Id == eventId, JobScenario.Patience);
            Assert.True(StandardWebhookVerifier.Verify((string)hook["secret"]!, received.Headers, received.Body), $"keys {keys.Length}: bad signature");
        }

        await using var oldOnly = ServiceProcess.StartApi(new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Invitations"] = api.ConnectionString,
            ["Hangfire__ServerEnabled"] = "false",
            ["Email__Transport"] = "Directory",
            ["Email__DirectoryPath"] = Path.Combine(Path.GetTempPath(), $"invitations-mail-{Guid.NewGuid():N}"),
            ["Security__EncryptionKeys__0"] = Old,
        });
        Assert.Equal(78, await oldOnly.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Security:EncryptionKeys", oldOnly.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Old, oldOnly.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Keys(string[] keys) => new()
    {
        [$"{TestEncryptionKeys.Setting}:0"] = keys[0],
        [$"{TestEncryptionKeys.Setting}:1"] = keys.Length > 1 ? keys[1] : null,
    };
}
