using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// The live document, linted by Redocly CLI with the repository's build/redocly.yaml (the recommended rules): no errors and no
/// warnings, so a generated client authenticates and every route says what it answers. build/test.sh installs the CLI once
/// into a cache folder and passes it as INVITATIONS_REDOCLY.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class OpenApiLintTests(ServiceHost api)
{
    [Fact]
    public async Task OpenApiDocument_PassesRedoclyRecommendedRules_WithoutErrorsOrWarnings()
    {
        var document = await (await api.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);
        var folder = Directory.CreateTempSubdirectory("invitations-openapi-");
        var file = Path.Combine(folder.FullName, "openapi.json");
        await File.WriteAllTextAsync(file, document.ToJsonString());

        var (exitCode, output, errors) = await RunRedoclyAsync(
            "lint", "--format=json", "--config", Path.Combine(ServiceProcess.RepositoryRoot, "build", "redocly.yaml"), file);
        folder.Delete(recursive: true);

        Assert.True(output.TrimStart().StartsWith('{'), $"redocly exited {exitCode} without a report:\n{output}\n{errors}");
        var report = JsonNode.Parse(output)!;
        var problems = report["problems"]!.AsArray()
            .Select(p => $"{p!["severity"]} {p["ruleId"]} at {p["location"]?[0]?["pointer"]}: {p["message"]}");
        var summary = $"redocly exited {exitCode}:\n{string.Join('\n', problems)}";
        Assert.True((int?)report["totals"]?["errors"] == 0, summary);
        Assert.True((int?)report["totals"]?["warnings"] == 0, summary);
        Assert.True(exitCode == 0, summary + errors);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunRedoclyAsync(params string[] arguments)
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var redocly = Environment.GetEnvironmentVariable("INVITATIONS_REDOCLY") is { Length: > 0 } configured
            ? configured
            : Path.Combine(cache, "invitations/redocly/node_modules/.bin/redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing; build/test.sh installs it (npm install --prefix <cache> @redocly/cli).");

        var start = new ProcessStartInfo(redocly) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Loopback only: no usage telemetry, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
