using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// A second instance of the service on the primary's database and SMTP server, as when two processes run behind a
/// load balancer. Dispose it in the test that started it.
/// </summary>
public sealed class SecondHost(ApiFactory primary, bool serverEnabled = true) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = primary.SharedSettings();
        settings["Hangfire:ServerEnabled"] = serverEnabled ? "true" : "false";
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder) => HangfireInProcess.Start(() => base.CreateHost(builder), host => host.Services);

    public HttpClient ClientWithKey(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        return client;
    }
}
