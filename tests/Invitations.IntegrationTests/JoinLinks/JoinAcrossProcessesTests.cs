using System.Net;

namespace Invitations.IntegrationTests.JoinLinks;

/// <summary>
/// <c>max_uses</c> on two service processes sharing one database (contract §13): the test host, and the built service run as its
/// own process with workers enough to run every join side by side. A host of its own: the second process's job workers leave
/// Hangfire state in the database that the shared host's other tests would wait on.
/// </summary>
public sealed class JoinAcrossProcessesTests(ApiFactory<JoinAcrossProcesses> api) : IClassFixture<ApiFactory<JoinAcrossProcesses>>
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

        // Stopped as an operator stops it, once its work is done: a job it still held would look unfinished to the next test.
        await api.WaitForEmailJobsToSettleAsync();
        other.Terminate();
        Assert.Equal(0, await other.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }
}

/// <summary>The service as deployed, on a database of its own.</summary>
public sealed class JoinAcrossProcesses : IHostSettings
{
    public static ApiHostOptions Options => ApiHostOptions.Service;
}
