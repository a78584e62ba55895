using System.Text.RegularExpressions;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// The README's walk-through as a newcomer runs it: build/run.sh on a new data folder and a new database, then
/// build/walkthrough.sh, which takes every id from an earlier response. It used to hard-code ids that build/run.sh's demo
/// workspace had already taken. Every step's status is read from the service's own request log.
/// </summary>
[Collection(RunScriptCollection.Name)]
public sealed partial class WalkthroughTests
{
    private const string Id = "{id}";

    /// <summary>What each step is answered, in order; the three mistakes at the end are refused as a newcomer should see.</summary>
    private static readonly string[] Steps =
    [
        "POST /v1/admin/workspaces 201",
        "POST /v1/admin/workspaces/{id}/teams 201",
        "POST /v1/admin/workspaces/{id}/members 201",
        "POST /v1/admin/workspaces/{id}/api-keys 201",
        "POST /v1/workspaces/{id}/webhooks 201",
        "POST /v1/workspaces/{id}/webhooks/{id}/test 202",
        "POST /v1/workspaces/{id}/invitations 201",
        "GET /v1/workspaces/{id}/invitations 200",
        "GET /v1/workspaces/{id}/invitations/{id} 200",
        "POST /v1/workspaces/{id}/invitations/{id}/resend 202",
        "POST /v1/workspaces/{id}/invitations/{id}/revoke 200",
        "POST /v1/workspaces/{id}/invitations 201",
        "POST /v1/invitations/lookup 200",
        "POST /v1/invitations/accept 200",
        "GET /v1/workspaces/{id}/members 200",
        "POST /integrations/api/workspace/invitations 200",
        "POST /v1/api/workspaces/{id}/invite 200",
        "POST /v1/admin/workspaces 201",
        "PUT /v1/admin/workspaces/{id}/branding 200",
        "POST /v1/workspaces/{id}/invitations 201",
        "GET /v1/workspaces/{id}/webhooks/{id}/deliveries 200",
        "POST /v1/workspaces/{id}/invitations 409",
        "POST /v1/workspaces/{id}/invitations 400",
        "GET /v1/workspaces/{id}/invitations 403",
    ];

    [Fact]
    public async Task TheWalkthrough_RunsAsWritten_EveryStepAnswersAsExpected_SignedEventsArrive_AndTheLogHasNoFailure()
    {
        await using var host = await RunScriptHost.StartAsync("--allow-private-webhooks");
        var run = host.Process;

        await using var walk = ServiceProcess.Start("bash", ["build/walkthrough.sh"], new Dictionary<string, string?>
        {
            ["B"] = host.Url,
            ["INVITATIONS_DATA_DIR"] = host.Data,
            ["RECEIVER_PORT"] = ServiceProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var exit = await walk.WaitForExitAsync(TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(1)); // the console logger writes from a queue of its own

        Assert.True(exit == 0, $"walkthrough.sh exited {exit}:\n{walk.Output}\n--- build/run.sh:\n{run.Output}");
        var served = Served().Matches(run.Output).Select(m => $"{m.Groups["method"]} {Guid().Replace(m.Groups["path"].Value, Id)} {m.Groups["status"]}").ToList();
        Assert.Equal(Steps, served.Take(Steps.Length));
        Assert.All(served.Skip(Steps.Length), s => Assert.Equal("GET /v1/workspaces/{id}/webhooks/{id}/deliveries 200", s));

        Assert.Contains("WEBHOOKS MAY CALL PRIVATE NETWORKS", run.Output, StringComparison.Ordinal);
        var events = Received().Matches(walk.Output).Select(m => (Type: m.Groups["type"].Value, Verdict: m.Groups["verdict"].Value)).ToList();
        Assert.All(events, e => Assert.Equal("signature verified", e.Verdict));
        Assert.True(
            events.Select(e => e.Type).Distinct().Order().SequenceEqual(
                ["invitation.accepted", "invitation.created", "invitation.email_sent", "invitation.resent", "invitation.revoked", "ping"]),
            $"Events received: {string.Join(", ", events.Select(e => e.Type))}\n{walk.Output}\n--- build/run.sh:\n{run.Output}");

        // Branding shown on a second workspace: the main flow's links open this service's page, Globex's its own domain.
        using var viewer = MailViewer.PrintedIn(run.Output);
        string[] invited = ["bob@example.com", "dan@example.com", "erin@example.com", "fay@example.com"];
        var messages = await viewer.WaitForMessagesAsync(m => invited.All(to => m.Any(e => (string?)e!["to"]![0] == to)));
        foreach (var message in messages)
        {
            var globex = (string?)message!["to"]![0] == "fay@example.com";
            Assert.Equal(globex ? "team@globex.example" : "no-reply@localhost", (string?)message["from"]);
            var linkBase = globex ? "https://join.globex.example" : host.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
            Assert.Contains($"{linkBase}/invitations/accept#token=", await viewer.PlainTextAsync(message), StringComparison.Ordinal);
        }

        Assert.Equal(invited, messages.Select(m => (string)m!["to"]![0]!).Distinct().Order());

        // A first start on a new database and a duplicate-pending create (the first mistake) are no failures.
        QuietLog.Assert(run.Output, "in build/run.sh's output after the walk-through");
    }

    [GeneratedRegex(@"RequestLogging\[1\].* (?<method>GET|POST|PUT|PATCH|DELETE) (?<path>/\S*) (?<status>\d{3}) in [\d.]+ ms")]
    private static partial Regex Served();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"webhook-receiver: (?<type>[a-z_.]+) evt_\S+.*: (?<verdict>[^:\n]+)$", RegexOptions.Multiline)]
    private static partial Regex Received();
}
