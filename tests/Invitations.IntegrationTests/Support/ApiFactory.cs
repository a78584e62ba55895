using Invitations.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// The real service on its own fresh database, with a real SMTP server on loopback and real Hangfire workers.
/// One per test class (IClassFixture); subclasses change settings or the clock.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "test-operator-key";

    public SmtpTestServer Smtp { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    /// <summary>Set by subclasses that travel in time; the service's TimeProvider is then this clock.</summary>
    public FakeTimeProvider? Clock { get; protected init; }

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        Smtp = SmtpTestServer.Start();
    }

    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Invitations"] = ConnectionString,
        ["Operator:ApiKey"] = OperatorKey,
        ["Invitations:FrontendBaseUrl"] = "https://app.invitations.test",
        ["Invitations:InviteeRequestsPerMinute"] = "1000",
        ["Email:Transport"] = "Smtp",
        ["Email:DefaultFrom"] = "Invitations <no-reply@invitations.test>",
        ["Email:RetryDelaysSeconds:0"] = "1",
        ["Email:RetryDelaysSeconds:1"] = "1",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:Timeout"] = "00:00:05",
    };

    /// <summary>This host's settings, for a second host that shares its database and SMTP server.</summary>
    public IDictionary<string, string?> SharedSettings() => Settings();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    public HttpClient ClientWithKey(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        return client;
    }

    public HttpClient OperatorClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-operator-key", OperatorKey);
        return client;
    }

    /// <summary>Runs <paramref name="work"/> against the service's own database, in a scope of the service's container.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> DbAsync<T>(Func<InvitationsDbContext, Task<T>> query) =>
        InScopeAsync(services => query(services.GetRequiredService<InvitationsDbContext>()));

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await DropDatabaseAsync();
    }

    protected virtual Task<string> CreateDatabaseAsync() => TestDatabase.CreateAsync();

    /// <summary>After the host has stopped: a subclass with more of its own to tear down does it here.</summary>
    protected virtual Task DropDatabaseAsync() => TestDatabase.DropAsync(ConnectionString);
}
