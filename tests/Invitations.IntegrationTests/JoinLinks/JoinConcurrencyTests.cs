using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.JoinLinks;

/// <summary>
/// <c>max_uses</c> under concurrency (contract §13): joins sent at once to two service processes on one database, both running
/// joins (the second with workers enough to run them all side by side), and joins run side by side in one process, never make
/// more invitations than the link allows.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class JoinConcurrencyTests(ServiceHost api)
{
    private const int MaxUses = 5;
    private const int Joins = 20;

    [Fact]
    public async Task TwentyConcurrentJoins_OnTwoProcesses_MakeExactlyFiveInvitations()
    {
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        await using var other = ServiceProcess.StartApi(new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = url.ToString(),
            ["ConnectionStrings__Invitations"] = api.ConnectionString,
            ["Operator__ApiKey"] = ApiFactory.OperatorKey,
            ["Hangfire__ServerEnabled"] = "true",
            ["Hangfire__WorkerCount"] = "16",
            ["Email__Transport"] = "Directory",
            ["Email__DirectoryPath"] = Path.Combine(Path.GetTempPath(), $"join-mail-{Guid.NewGuid():N}"),
        });
        Assert.True(await other.WaitForOutputAsync("Now listening on:", TimeSpan.FromSeconds(60)), other.Output);
        var workspace = await api.CreateWorkspaceAsync();
        var (link, token) = await api.CreateJoinLinkAsync(workspace, new { max_uses = MaxUses });
        using var local = api.CreateClient();
        using var remote = new HttpClient { BaseAddress = url };

        var answers = await Task.WhenAll(Enumerable.Range(0, Joins)
            .Select(i => (i % 2 == 0 ? local : remote).JoinAsync(token, Mailbox.NewAddress($"crowd{i}"))));
        await api.WaitForJoinsAsync();

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Gone, $"Got {(int)a.StatusCode}"));
        Assert.Equal(MaxUses, (await api.JoinLinkInvitationsAsync(workspace, JoinLinkScenario.IdOf(link))).Count);
        Assert.Equal(MaxUses, (await api.InvitationsAsync(workspace)).Count);
        var after = await api.GetJoinLinkAsync(workspace, JoinLinkScenario.IdOf(link));
        Assert.Equal((MaxUses, "used_up"), ((int)after["uses"]!, (string)after["status"]!));
        var late = await ErrorAssert.ProblemAsync(await api.JoinAsync(token, Mailbox.NewAddress("late")), HttpStatusCode.Gone, "join-link-closed");
        Assert.Equal("used_up", (string?)late["join_link_status"]);
        QuietLog.Assert(other.Output, "while joins past the link's limit made nothing");
    }

    [Fact]
    public async Task TwentyJoinsRunSideBySide_MakeExactlyFive_AndCountFiveUses()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (link, _) = await api.CreateJoinLinkAsync(workspace, new { max_uses = MaxUses });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Joins)
            .Select(i => Task.Run(() => api.JoinNowAsync(JoinLinkScenario.IdOf(link), Mailbox.NewAddress($"side{i}")))));

        Assert.Equal(MaxUses, outcomes.Count(o => o.InvitationId is not null));
        Assert.All(outcomes.Where(o => o.InvitationId is null), o => Assert.Equal("join-link-closed", o.Refusal));
        Assert.Equal(MaxUses, await api.DbAsync(db => db.Invitations.CountAsync(i => i.WorkspaceId == new Invitations.Domain.Workspaces.WorkspaceId(workspace.Id))));
        Assert.Equal(MaxUses, (int)(await api.GetJoinLinkAsync(workspace, JoinLinkScenario.IdOf(link)))["uses"]!);
    }
}
