using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// build/run.sh as a newcomer runs it. It used to start the service from the repository root, so the service's own
/// appsettings.json was never read: every SQL statement was logged at Information, and edits to the file did nothing.
/// Without SMTP settings it starts the mail viewer (smtp4dev, restored by build/test.sh) and the email shows there.
/// </summary>
[Collection(RunScriptCollection.Name)]
public sealed class RunScriptTests
{
    [Fact]
    public async Task RunScript_ServesWithTheSettingsOfTheServicesAppsettingsJson()
    {
        await using var host = await RunScriptHost.StartAsync();
        var (run, url) = (host.Process, host.Url);
        var demo = File.ReadAllLines(Path.Combine(host.Data, "demo.env")).Select(line => line.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Add("x-api-key", demo["api_key"]);

        var email = Mailbox.NewAddress("run-sh");
        var created = await client.PostAsJsonAsync($"/v1/workspaces/{demo["workspace_id"]}/invitations", new { email, role = "viewer" });
        var listed = await client.GetFromJsonAsync<JsonObject>($"/v1/workspaces/{demo["workspace_id"]}/invitations");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Single(listed!["items"]!.AsArray());
        Assert.Contains("Invitations is starting", run.Output, StringComparison.Ordinal);
        using var viewer = MailViewer.PrintedIn(run.Output);
        var messages = await viewer.WaitForMessagesAsync(m => m.Count > 0);
        Assert.Equal(email, (string?)Assert.Single(messages)!["to"]![0]);

        // The encryption key it made, kept with its other generated settings for the next run, readable by its owner only.
        var keyFile = Path.Combine(host.Data, "encryption-key");
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(keyFile).Trim()).Length);
        Assert.True(OperatingSystem.IsLinux() && File.GetUnixFileMode(keyFile) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));

        // appsettings.json sets Microsoft.EntityFrameworkCore.Database.Command (and Microsoft.AspNetCore) to Warning.
        Assert.DoesNotContain("Executed DbCommand", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Request starting HTTP", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunScript_SaysWhatItsOptionsDo_AndRefusesOneItDoesNotKnow()
    {
        await using var help = ServiceProcess.Start("bash", ["build/run.sh", "--help"], new Dictionary<string, string?>());
        await using var unknown = ServiceProcess.Start("bash", ["build/run.sh", "--allow-private-webhook"], new Dictionary<string, string?>());

        Assert.Equal(0, await help.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("--allow-private-webhooks", help.Output, StringComparison.Ordinal);
        Assert.Equal(64, await unknown.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("unknown option --allow-private-webhook ", unknown.Output, StringComparison.Ordinal);
    }
}
