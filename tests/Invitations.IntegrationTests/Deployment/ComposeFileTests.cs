using System.Diagnostics;

namespace Invitations.IntegrationTests.Deployment;

/// <summary>No Docker engine runs here, but Debian's docker-compose parses and validates the file without one.</summary>
public sealed class ComposeFileTests
{
    [Fact]
    public async Task ComposeFile_IsAcceptedByDockerCompose()
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("docker-compose", "config -q")
        {
            WorkingDirectory = root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("docker-compose is not installed (build/test.sh installs it).");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
    }

    [Fact]
    public void ComposeFile_WiresTheApiToPostgresAndMailpit()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryRoot(), "docker-compose.yml"));
        Assert.Contains("ConnectionStrings__Invitations: \"Host=postgres;", compose);
        Assert.Contains("Smtp__Host: mailpit", compose);
        Assert.Contains("condition: service_healthy", compose);
        Assert.Contains("max_connections=100", compose);
        Assert.Contains("max_connections=${PG_MAX_CONNECTIONS:-100}", File.ReadAllText(Path.Combine(RepositoryRoot(), "build/pg.sh")));
        Assert.Contains("USER app", File.ReadAllText(Path.Combine(RepositoryRoot(), "src/Invitations.Api/Dockerfile")));
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Invitations.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Invitations.sln not found above the test output.");
    }
}
