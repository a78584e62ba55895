using System.Collections.Concurrent;
using Invitations.Application.Common;
using Invitations.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// The real service on its own fresh database, with a real SMTP server on loopback, shaped by <see cref="ApiHostOptions"/>: one
/// of the four kinds (<see cref="ServiceHost"/>, <see cref="ManualHost"/>, <see cref="BrowserHost"/>, <see cref="ObservedHost"/>),
/// or a class's own settings on one (<see cref="ApiFactory{TSettings}"/>). docs/testing.md says how to pick.
/// </summary>
public abstract class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "test-operator-key";

    private static readonly ConcurrentDictionary<Type, ApiFactory> Shared = new();
    private readonly ApiHostOptions _options;
    private DatabaseReset? _reset;

    protected ApiFactory(ApiHostOptions options)
    {
        _options = options;
        Clock = _options.FakeClock ? new FakeTimeProvider(WholeSecond(DateTimeOffset.UtcNow)) : null;
        BaseUrl = new Uri($"http://127.0.0.1:{(_options.Kestrel ? ServiceProcess.FreePort() : 80)}");
    }

    public SmtpTestServer Smtp { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    /// <summary>With <see cref="ApiHostOptions.FakeClock"/>, the service's TimeProvider.</summary>
    public FakeTimeProvider? Clock { get; }

    public FakeTimeProvider FakeClock => Clock ?? throw new InvalidOperationException("This host runs on the real clock.");

    /// <summary>With <see cref="ApiHostOptions.Kestrel"/>, where the service listens and its links point.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Runs just before each real send; null runs nothing.</summary>
    public Func<EmailMessage, Task>? BeforeSend { get; set; }

    /// <summary>Runs once each real send has returned; null runs nothing.</summary>
    public Func<EmailMessage, Task>? AfterSend { get; set; }

    /// <summary>The host a collection of <typeparamref name="THost"/> shares.</summary>
    public static THost Running<THost>() where THost : ApiFactory => (THost)Shared[typeof(THost)];

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        Smtp = SmtpTestServer.Start();
        if (_options.Kestrel)
        {
            UseKestrel(BaseUrl.Port);
        }

        HangfireInProcess.Start(() => _options.Kestrel ? StartKestrel() : Services, services => services);
        Shared[GetType()] = this;
    }

    /// <summary>Empties the application's tables and the mailbox, and takes off any send hooks.</summary>
    public async Task ResetAsync()
    {
        await (_reset ??= new DatabaseReset(ConnectionString)).RunAsync();
        Smtp.Clear();
        BeforeSend = AfterSend = null;
    }

    protected virtual IDictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Invitations"] = ConnectionString,
            ["Operator:ApiKey"] = OperatorKey,
            ["Invitations:FrontendBaseUrl"] = _options.Kestrel ? BaseUrl.ToString().TrimEnd('/') : "https://app.invitations.test",
            ["Invitations:InviteeRequestsPerMinute"] = "1000",
            ["Email:Transport"] = "Smtp",
            ["Email:DefaultFrom"] = "Invitations <no-reply@invitations.test>",
            ["Email:RetryDelaysSeconds:0"] = "1",
            ["Email:RetryDelaysSeconds:1"] = "1",
            ["Hangfire:ServerEnabled"] = _options.Workers ? "true" : "false",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:Timeout"] = "00:00:05",
            [$"{TestEncryptionKeys.Setting}:0"] = TestEncryptionKeys.Current,
        };
        foreach (var (key, value) in _options.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

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

            var real = services.Single(d => d.ServiceType == typeof(IEmailSender));
            services.Remove(real);
            services.AddSingleton<IEmailSender>(provider =>
                new HookedSender((IEmailSender)ActivatorUtilities.CreateInstance(provider, real.ImplementationType!), this));
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
        Shared.TryRemove(new KeyValuePair<Type, ApiFactory>(GetType(), this));
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await DropDatabaseAsync();
    }

    protected virtual Task<string> CreateDatabaseAsync() => TestDatabase.CreateAsync();

    /// <summary>After the host has stopped: a host with more of its own to tear down does it here.</summary>
    protected virtual Task DropDatabaseAsync() => TestDatabase.DropAsync(ConnectionString);

    private static DateTimeOffset WholeSecond(DateTimeOffset now) => new(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private IServiceProvider StartKestrel()
    {
        StartServer();

        // With Kestrel, StartServer points ClientOptions (and so CreateClient) at the address actually bound.
        if (ClientOptions.BaseAddress != BaseUrl)
        {
            throw new InvalidOperationException($"Kestrel listens on {ClientOptions.BaseAddress}, but links point at {BaseUrl}.");
        }

        return Services;
    }
}
