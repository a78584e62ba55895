using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Invitations"] = primary.ConnectionString,
            ["Operator:ApiKey"] = ApiFactory.OperatorKey,
            ["Invitations:FrontendBaseUrl"] = "https://app.invitations.test",
            ["Invitations:InviteeRequestsPerMinute"] = "1000",
            ["Email:Transport"] = "Smtp",
            ["Email:DefaultFrom"] = "Invitations <no-reply@invitations.test>",
            ["Email:RetryDelaysSeconds:0"] = "1",
            ["Email:RetryDelaysSeconds:1"] = "1",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = primary.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:Timeout"] = "00:00:05",
            ["Hangfire:ServerEnabled"] = serverEnabled ? "true" : "false",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient ClientWithKey(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        return client;
    }
}
