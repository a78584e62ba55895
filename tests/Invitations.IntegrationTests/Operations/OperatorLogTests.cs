using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// An operator's log holds a failure only when something failed, and no line at the default log levels carries SQL. The
/// built service as its own process, on a new database, with the log levels of its own appsettings.json.
/// </summary>
public sealed class OperatorLogTests : IAsyncLifetime
{
    private const string OperatorKey = "log-test-operator-key";
    private string _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public Task DisposeAsync() => TestDatabase.DropAsync(_database);

    [Fact]
    public async Task AFirstStart_AndADuplicateCreateAnswered409_LogNoFailureAndNoSql()
    {
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        await using var service = ServiceProcess.StartApi(new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = url.ToString(),
            ["ConnectionStrings__Invitations"] = _database,
            ["Operator__ApiKey"] = OperatorKey,
            ["Email__Transport"] = "Directory",
            ["Email__DirectoryPath"] = Path.Combine(Path.GetTempPath(), $"invitations-mail-{Guid.NewGuid():N}"),
        });
        Assert.True(await service.WaitForOutputAsync("Now listening on:", TimeSpan.FromSeconds(60)), service.Output);
        QuietLog.Assert(service.Output, "after a first start on a new database");

        using var client = new HttpClient { BaseAddress = url };
        var workspace = await Scenario.CreateWorkspaceAsync(client, OperatorKey);
        client.DefaultRequestHeaders.Add("x-api-key", workspace.ApiKey);
        var invitation = new { email = Mailbox.NewAddress("twice"), role = "viewer", send_email = false };
        var first = await client.PostAsJsonAsync($"/v1/workspaces/{workspace.Id}/invitations", invitation);
        var second = await client.PostAsJsonAsync($"/v1/workspaces/{workspace.Id}/invitations", invitation);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the console logger writes from a queue of its own
        QuietLog.Assert(service.Output, "after a duplicate create answered 409");
    }
}
