using Invitations.IntegrationTests.Support;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// build/run.sh as a newcomer starts it, on a new data folder and a new database, serving on a free loopback port. It starts
/// the build the test run made (RUN_SKIP_BUILD), so a test pays for the start, not for a build.
/// </summary>
public sealed class RunScriptHost : IAsyncDisposable
{
    private readonly string _database;

    private RunScriptHost(string database, string data, string url, ServiceProcess process)
    {
        _database = database;
        Data = data;
        Url = url;
        Process = process;
    }

    public string Data { get; }

    public string Url { get; }

    public ServiceProcess Process { get; }

    public static async Task<RunScriptHost> StartAsync(params string[] options)
    {
        var database = await TestDatabase.CreateAsync();
        var data = Directory.CreateTempSubdirectory("invitations-run-").FullName;
        var url = $"http://127.0.0.1:{ServiceProcess.FreePort()}";
        var process = ServiceProcess.Start("bash", ["build/run.sh", .. options], new Dictionary<string, string?>
        {
            ["ConnectionStrings__Invitations"] = database,
            ["INVITATIONS_DATA_DIR"] = data,
            ["ASPNETCORE_URLS"] = url,
            ["RUN_SKIP_BUILD"] = "1",
            ["RUN_CONFIGURATION"] = ServiceProcess.Configuration,
        });
        var host = new RunScriptHost(database, data, url, process);
        if (!await process.WaitForOutputAsync("Now listening on:", TimeSpan.FromSeconds(90)))
        {
            await host.DisposeAsync();
            Assert.Fail($"build/run.sh did not start:\n{process.Output}");
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await TestDatabase.DropAsync(_database);
        Directory.Delete(Data, recursive: true);
    }
}
