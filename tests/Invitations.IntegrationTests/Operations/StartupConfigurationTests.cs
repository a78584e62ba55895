using Npgsql;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// contracts §1 and §6: a setting out of its range stops the service at start with a message naming the key, before
/// it touches the database; it never becomes an error answered to a client. Runs the built service as a process.
/// </summary>
public sealed class StartupConfigurationTests : IAsyncLifetime
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);
    private string _database = null!;

    public static TheoryData<string, string, string> OutOfRange => new()
    {
        { "Invitations__DefaultLifetime", "00:00:00", "Invitations:DefaultLifetime" },
        { "Invitations__DefaultLifetime", "-00:00:05", "Invitations:DefaultLifetime" },
        { "Invitations__DefaultLifetime", "30.00:00:01", "Invitations:DefaultLifetime" },
        { "Invitations__DefaultLifetime", "a week", "Invitations:DefaultLifetime" },
        { "Invitations__DailyLimitPerWorkspace", "0", "Invitations:DailyLimitPerWorkspace" },
        { "Invitations__InviteeRequestsPerMinute", "-1", "Invitations:InviteeRequestsPerMinute" },
        { "Invitations__FrontendBaseUrl", "localhost:8080", "Invitations:FrontendBaseUrl" },
        { "Email__Transport", "Smpt", "Email:Transport" },
        { "Email__DefaultFrom", "not an address", "Email:DefaultFrom" },
        { "Email__RetryDelaysSeconds__0", "-5", "Email:RetryDelaysSeconds" },
        { "Smtp__Port", "70000", "Smtp:Port" },
        { "Database__MaxPoolSize", "0", "Database:MaxPoolSize" },
        { "Database__ConnectionTimeoutSeconds", "0", "Database:ConnectionTimeoutSeconds" },
        { "Hangfire__MaxPoolSize", "0", "Hangfire:MaxPoolSize" },
        { "Hangfire__WorkerCount", "0", "Hangfire:WorkerCount" },
        { "ConnectionStrings__Invitations", "", "ConnectionStrings:Invitations" },
        { "ConnectionStrings__Invitations", "Host=127.0.0.1;Flavour=strawberry", "ConnectionStrings:Invitations" },
    };

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public Task DisposeAsync() => TestDatabase.DropAsync(_database);

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task SettingOutOfRange_StopsTheServiceAtStartNamingTheKey_AndWritesNothing(string variable, string value, string key)
    {
        await using var service = Start(new Dictionary<string, string?> { [variable] = value });

        var exitCode = await service.WaitForExitAsync(StartPatience);

        Assert.True(exitCode == 78, $"exit code {exitCode}:\n{service.Output}");
        Assert.Contains("configuration is not valid", service.Output, StringComparison.Ordinal);
        Assert.Contains(key, service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", service.Output, StringComparison.Ordinal); // a sentence, not a stack trace
        Assert.Equal(0L, await TablesAsync());
    }

    public static TheoryData<string, string?, string> BadEncryptionKeys => new()
    {
        { "Security__EncryptionKeys__0", null, "Security:EncryptionKeys is required" },
        { "Security__EncryptionKeys__0", "", "Security:EncryptionKeys is required" },
        { "Security__EncryptionKeys__0", "not base64 at all!", "Security:EncryptionKeys:0" },
        { "Security__EncryptionKeys__0", "c2l4dGVlbiBieXRlcyBrZXk=", "Security:EncryptionKeys:0" },
        { "Security__EncryptionKeys__1", "c2l4dGVlbiBieXRlcyBrZXk=", "Security:EncryptionKeys:1" },
        { "Security__EncryptionKeys__1", TestEncryptionKeys.Current, "Security:EncryptionKeys:1" },
    };

    [Theory]
    [MemberData(nameof(BadEncryptionKeys))]
    public async Task EncryptionKeyMissingOrMalformed_StopsTheServiceAtStartNamingIt_WithoutShowingIt(string variable, string? value, string says)
    {
        await using var service = Start(new Dictionary<string, string?> { [variable] = value });

        var exitCode = await service.WaitForExitAsync(StartPatience);

        Assert.True(exitCode == 78, $"exit code {exitCode}:\n{service.Output}");
        Assert.Contains("Invitations can't start", service.Output, StringComparison.Ordinal);
        Assert.Contains(says, service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", service.Output, StringComparison.Ordinal);
        Assert.All(new[] { value, TestEncryptionKeys.Current }.Where(v => v is { Length: > 0 }), v => Assert.DoesNotContain(v!, service.Output, StringComparison.Ordinal));
        Assert.Equal(0L, await TablesAsync());
    }

    [Fact]
    public async Task ExpirySweepCronThatIsNotCron_StopsTheServiceAtStartNamingTheKey()
    {
        await using var service = Start(new Dictionary<string, string?>
        {
            ["Hangfire__ServerEnabled"] = "true",
            ["Invitations__ExpirySweepCron"] = "every five minutes",
        });

        var exitCode = await service.WaitForExitAsync(StartPatience);

        Assert.True(exitCode == 78, $"exit code {exitCode}:\n{service.Output}");
        Assert.Contains("Invitations:ExpirySweepCron", service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LifetimeOfFiveSeconds_IsAValidSetting_AndTheServiceStarts()
    {
        await using var service = Start(new Dictionary<string, string?> { ["Invitations__DefaultLifetime"] = "00:00:05" });

        Assert.True(await service.WaitForOutputAsync("Now listening on:", StartPatience), service.Output);
        Assert.False(service.HasExited, service.Output);
        Assert.NotEqual(0L, await TablesAsync());
    }

    private ServiceProcess Start(Dictionary<string, string?> settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Invitations"] = _database,
            ["Hangfire__ServerEnabled"] = "false",
            ["Email__Transport"] = "Directory",
            ["Email__DirectoryPath"] = Path.Combine(Path.GetTempPath(), $"invitations-mail-{Guid.NewGuid():N}"),
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return ServiceProcess.StartApi(environment);
    }

    private async Task<long> TablesAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
