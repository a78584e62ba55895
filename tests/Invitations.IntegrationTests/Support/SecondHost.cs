using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// A second instance of the service on the primary's database and SMTP server, as when two processes run behind a
/// load balancer, or a restart of the service with other settings (<paramref name="overrides"/>; a null value unsets a key).
/// Dispose it in the test that started it.
/// </summary>
public sealed class SecondHost(ApiFactory primary, bool serverEnabled = true, IReadOnlyDictionary<string, string?>? overrides = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = primary.SharedSettings();
        settings["Hangfire:ServerEnabled"] = serverEnabled ? "true" : "false";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder) => HangfireInProcess.Start(() => base.CreateHost(builder), host => host.Services);

    public HttpClient ClientWithKey(string apiKey) => ClientWith("x-api-key", apiKey);

    public HttpClient OperatorClient() => ClientWith("x-operator-key", ApiFactory.OperatorKey);

    private HttpClient ClientWith(string header, string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(header, key);
        return client;
    }
}
