using System.Diagnostics;

namespace Invitations.IntegrationTests.Operations;

/// <summary>No Docker engine runs here, but Debian's docker-compose parses and validates the file without one.</summary>
public sealed class ComposeFileTests
{
    [Fact]
    public async Task ComposeFile_IsAcceptedByDockerCompose()
    {
        var root = ServiceProcess.RepositoryRoot;
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
        var compose = File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "docker-compose.yml"));
        Assert.Contains("ConnectionStrings__Invitations: \"Host=postgres;", compose);
        Assert.Contains("Smtp__Host: mailpit", compose);
        Assert.Contains("condition: service_healthy", compose);
        Assert.Contains("max_connections=100", compose);
        Assert.Contains("max_connections=${PG_MAX_CONNECTIONS:-100}", File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "build/pg.sh")));
        Assert.Contains("USER app", File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "src/Invitations.Api/Dockerfile")));
    }
}
