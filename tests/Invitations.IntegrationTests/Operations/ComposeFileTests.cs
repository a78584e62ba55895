using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// No Docker engine runs here, but Debian's docker-compose parses and validates the file without one, and prints it
/// resolved (anchors merged), which is what the node kinds are checked on.
/// </summary>
public sealed partial class ComposeFileTests
{
    [Fact]
    public async Task ComposeFile_IsAcceptedByDockerCompose()
    {
        var (exitCode, _, errors) = await DockerComposeAsync(TestEncryptionKeys.Current, "config", "-q");
        Assert.True(exitCode == 0, errors);
    }

    [Fact]
    public async Task ComposeFile_WithoutAnEncryptionKey_IsRefusedNamingIt_AndWithOneGivesItToEveryNode()
    {
        var (exitCode, _, errors) = await DockerComposeAsync(encryptionKey: null, "config", "-q");
        var services = await ResolvedServicesAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ENCRYPTION_KEY", errors, StringComparison.Ordinal);
        Assert.All(new[] { "api", "worker", "migrate" }, node => Assert.Matches(Setting("Security__EncryptionKeys__0", Regex.Escape(TestEncryptionKeys.Current)), services[node]));
    }

    [Fact]
    public void ComposeFile_WiresTheNodesToPostgresAndMailpit()
    {
        var compose = File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "docker-compose.yml"));
        Assert.Contains("ConnectionStrings__Invitations: \"Host=postgres;", compose);
        Assert.Contains("Smtp__Host: mailpit", compose);
        Assert.Contains("condition: service_healthy", compose);
        Assert.Contains("max_connections=100", compose);
        Assert.Contains("max_connections=${PG_MAX_CONNECTIONS:-100}", File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "build/pg.sh")));
        Assert.Contains("USER app", File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "src/Invitations.Api/Dockerfile")));
    }

    [Fact]
    public async Task ComposeFile_RunsAnApiNodeAndAWorkerNode_FromOneImage_AfterOneMigrateStep()
    {
        var services = await ResolvedServicesAsync();

        Assert.Equal(["api", "mailpit", "migrate", "postgres", "worker"], services.Keys.Order());
        var (api, worker, migrate) = (services["api"], services["worker"], services["migrate"]);
        Assert.Matches(Setting("Hangfire__ServerEnabled", "false"), api);
        Assert.Matches(Setting("Hangfire__ServerEnabled", "true"), worker);
        Assert.Contains("published: 8080", api);
        Assert.DoesNotContain("ports:", worker);
        foreach (var node in new[] { api, worker })
        {
            Assert.Matches(Setting("Database__MigrateOnStartup", "false"), node);
            Assert.Contains("condition: service_completed_successfully", node);
            Assert.Contains("/health/ready", node);
        }

        // One image, one database: the nodes differ only in what they run.
        Assert.Single(new[] { api, worker, migrate }.Select(s => Line(s, "image:")).Distinct());
        Assert.Single(new[] { api, worker, migrate }.Select(s => Line(s, "ConnectionStrings__Invitations:")).Distinct());
        Assert.Contains("- migrate", migrate);
    }

    /// <summary>Each service's block of the resolved file, by name (two-space indented keys under <c>services:</c>).</summary>
    private static async Task<Dictionary<string, string>> ResolvedServicesAsync()
    {
        var (exitCode, output, errors) = await DockerComposeAsync(TestEncryptionKeys.Current, "config");
        Assert.True(exitCode == 0, errors);
        var services = new Dictionary<string, string>();
        string? current = null;
        foreach (var line in output.Split('\n').SkipWhile(l => l != "services:").Skip(1).TakeWhile(l => l.StartsWith(' ')))
        {
            if (ServiceName().Match(line) is { Success: true } name)
            {
                current = name.Groups[1].Value;
                services[current] = "";
            }
            else if (current is not null)
            {
                services[current] += line + "\n";
            }
        }

        return services;
    }

    /// <summary>docker-compose with <c>ENCRYPTION_KEY</c> set to <paramref name="encryptionKey"/> (unset when null), as an operator runs it.</summary>
    private static async Task<(int ExitCode, string Output, string Errors)> DockerComposeAsync(string? encryptionKey, params string[] arguments)
    {
        var start = new ProcessStartInfo("docker-compose")
        {
            WorkingDirectory = ServiceProcess.RepositoryRoot,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment.Remove("ENCRYPTION_KEY");
        if (encryptionKey is not null)
        {
            start.Environment["ENCRYPTION_KEY"] = encryptionKey;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("docker-compose is not installed (build/test.sh installs it).");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    private static Regex Setting(string key, string value) => new($@"\b{key}: ['""]?{value}['""]?\n");

    private static string Line(string block, string key) => block.Split('\n').Single(l => l.TrimStart().StartsWith(key, StringComparison.Ordinal)).Trim();

    [GeneratedRegex(@"^  ([a-z0-9_-]+):$")]
    private static partial Regex ServiceName();
}
