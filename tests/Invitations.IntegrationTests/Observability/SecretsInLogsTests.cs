using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Invitations.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Invitations.IntegrationTests.Observability;

/// <summary>Every category at Debug, every route that carries a secret: no key, token or hash of one reaches the logs.</summary>
[Collection(ObservedHostCollection.Name)]
public sealed class SecretsInLogsTests(ObservedHost api)
{
    [Fact]
    public async Task Logs_AtDebug_NeverHoldKeysTokensOrTheirHashes()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var memberKey = await api.MemberKeyAsync(workspace, "admin");
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("logged"));
        await (await api.CreateClient().PostAsJsonAsync("/v1/invitations/lookup", new { token })).ReadJsonAsync(HttpStatusCode.OK);
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);
        var emailed = Mailbox.NewAddress("resent");
        var resent = await api.InvitationIdAsync(workspace, emailed, sendEmail: true);
        await api.Smtp.WaitForMailAsync(emailed); // a resend before the first email went out would cancel it
        Assert.Equal(HttpStatusCode.Accepted, (await api.ClientWithKey(memberKey)
            .PostAsync($"{ApiClients.Native(workspace)}/{resent}/resend", null)).StatusCode);
        var emailedTokens = (await api.Smtp.WaitForMailAsync(emailed, count: 2)).Select(Mailbox.TokenIn).ToList();
        await api.WaitForEmailStatusAsync(workspace, resent, "sent");
        var (joinLink, firstJoinToken) = await api.CreateJoinLinkAsync(workspace);
        var rotated = await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{JoinLinkScenario.JoinLinks(workspace)}/{joinLink["id"]}/rotate", null))
            .ReadJsonAsync(HttpStatusCode.Created);
        var joinToken = JoinLinkScenario.TokenOf(rotated["url"]!.GetValue<string>());
        await (await api.CreateClient().LookupJoinLinkAsync(joinToken)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Accepted, (await api.JoinAsync(joinToken, Mailbox.NewAddress("joined"))).StatusCode);
        await api.WaitForJoinsAsync();
        var dashboard = api.CreateClient();
        dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Basic(ApiFactory.OperatorKey));
        Assert.Equal(HttpStatusCode.OK, (await dashboard.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.ClientWithKey(workspace.ApiKey + "x").GetAsync($"/v1/workspaces/{workspace.Id}/members")).StatusCode);

        string[] secrets =
        [
            ApiFactory.OperatorKey, Basic(ApiFactory.OperatorKey), workspace.ApiKey, memberKey, token, firstJoinToken, joinToken, .. emailedTokens,
            .. new[] { workspace.ApiKey, memberKey, token, firstJoinToken, joinToken }.Concat(emailedTokens).Select(SecretToken.HashOf),
        ];
        var lines = api.Logs.Lines.Snapshot();
        Assert.Contains(lines, line => line.Contains($"{invitation["id"]}", StringComparison.Ordinal)); // the capture works
        Assert.Contains(lines, line => line.Contains("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
        }

        var sensitive = await api.DbAsync(db => Task.FromResult(db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.IsSensitiveDataLoggingEnabled));
        Assert.False(sensitive);
    }

    private static string Basic(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{key}"));
}
