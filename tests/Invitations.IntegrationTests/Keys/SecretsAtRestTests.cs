using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Invitations.IntegrationTests.Keys;

[Collection(ServiceHostCollection.Name)]
public sealed partial class SecretsAtRestTests(ServiceHost api)
{
    private static readonly string[] ListedTables =
        ["public.workspaces", "public.teams", "public.members", "public.api_keys", "public.invitations", "public.invitation_deliveries", "public.join_links", "hangfire.job", "hangfire.jobparameter"];

    [Fact]
    public async Task FullCycle_LeavesNoPlaintextTokenOrApiKeyInAnyTable()
    {
        var workspace = await api.CreateWorkspaceAsync("Secret Keepers");
        var extraKey = await api.MemberKeyAsync(workspace, "admin");
        var (_, linkToken) = await api.InviteWithTokenAsync(workspace, "self-link@example.com");
        await (await api.AcceptAsync(linkToken, new { first_name = "Self", last_name = "Link" })).ReadJsonAsync(HttpStatusCode.OK);
        var mailed = await (await api.ClientWithKey(extraKey).PostAsJsonAsync(ApiClients.Native(workspace), new { email = "mailed@example.com", role = "agent" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var firstMailToken = await TokenMailedAsync("mailed@example.com", 1);
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{mailed["id"]}/resend", null))
            .ReadJsonAsync(HttpStatusCode.Accepted);
        var secondMailToken = await TokenMailedAsync("mailed@example.com", 2);
        await (await api.AcceptAsync(secondMailToken)).ReadJsonAsync(HttpStatusCode.OK);
        var (joinLink, firstJoinToken) = await api.CreateJoinLinkAsync(workspace);
        var rotated = await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{JoinLinkScenario.JoinLinks(workspace)}/{joinLink["id"]}/rotate", null))
            .ReadJsonAsync(HttpStatusCode.Created);
        var joinToken = JoinLinkScenario.TokenOf(rotated["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, (await api.JoinAsync(joinToken, "joined@example.com")).StatusCode);
        await api.WaitForJoinsAsync();
        var joinMailToken = await TokenMailedAsync("joined@example.com", 1);

        var dump = await DumpAsync();

        Assert.All(ListedTables, table => Assert.True(dump.ContainsKey(table), $"{table} was not dumped"));
        Assert.Contains(HashOf(workspace.ApiKey), dump["public.api_keys"]);
        Assert.Contains("mailed@example.com", dump["public.invitations"]);
        Assert.Contains((string)mailed["id"]!, dump["public.invitation_deliveries"]);
        Assert.Contains(HashOf(joinToken), dump["public.join_links"]);
        Assert.Contains("joined@example.com", dump["hangfire.job"]); // the queued join, which holds the link's id, never its token
        string[] secrets = [workspace.ApiKey, extraKey, linkToken, firstMailToken, secondMailToken, firstJoinToken, joinToken, joinMailToken];
        foreach (var (table, text) in dump)
        {
            Assert.All(secrets, secret => Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{table} holds a plaintext secret"));
        }
    }

    private async Task<string> TokenMailedAsync(string to, int count)
    {
        var messages = await api.Smtp.WaitForMessagesAsync(count, TimeSpan.FromSeconds(30), m => m.Recipients.Contains(to));
        var text = messages.OrderBy(m => m.ReceivedAt).ElementAt(count - 1).Message.TextBody ?? "";
        return TokenInLink().Match(text).Groups[1].Value is { Length: 43 } token ? token : throw new InvalidOperationException(text);
    }

    /// <summary>Every table of the service's own schema and Hangfire's, each row as JSON text.</summary>
    private async Task<Dictionary<string, string>> DumpAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('public','hangfire') AND table_type = 'BASE TABLE'",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            var parts = table.Split('.');
            await using var select = new NpgsqlCommand(
                $"SELECT coalesce(string_agg(row_to_json(t)::text, E'\\n'), '') FROM \"{parts[0]}\".\"{parts[1]}\" t", connection);
            dump[table] = (string)(await select.ExecuteScalarAsync())!;
        }

        return dump;
    }

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    [GeneratedRegex("#token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenInLink();
}
