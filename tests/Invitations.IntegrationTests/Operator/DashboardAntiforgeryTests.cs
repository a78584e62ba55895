using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Invitations.IntegrationTests.Operator;

/// <summary>
/// A browser that holds the operator's Basic credentials sends them with any request, a cross-site form post included. The
/// dashboard's state-changing posts therefore need the antiforgery token the dashboard itself puts in its pages (and the
/// cookie that goes with it), which another site can't read.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class DashboardAntiforgeryTests(ServiceHost api)
{
    private const string Trigger = "/hangfire/recurring/trigger";
    private const string RecurringJob = "purge-webhook-history"; // daily at 03:17: nothing else runs it during a test

    [Fact]
    public async Task TriggeringARecurringJob_WithTheOperatorsCredentialsButNoAntiforgeryToken_IsRefused_AndNothingRuns()
    {
        var before = await TriggeredAsync();

        var response = await Operator().PostAsync(Trigger, Form());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await TriggeredAsync());
    }

    [Fact]
    public async Task TriggeringARecurringJob_WithTheTokenTheDashboardPageIssued_Works()
    {
        var operatorBrowser = Operator();
        var page = await operatorBrowser.GetStringAsync("/hangfire/recurring");
        var header = CsrfMeta("csrf-header").Match(page).Groups[1].Value;
        var token = CsrfMeta("csrf-token").Match(page).Groups[1].Value;
        Assert.NotEqual("", header);
        Assert.NotEqual("", token);
        var before = await TriggeredAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, Trigger) { Content = Form() };
        request.Headers.Add(WebUtility.HtmlDecode(header), WebUtility.HtmlDecode(token));
        var response = await operatorBrowser.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before + 1, await TriggeredAsync());
    }

    private static FormUrlEncodedContent Form() => new([new KeyValuePair<string, string>("jobs[]", RecurringJob)]);

    private Task<long> TriggeredAsync() =>
        api.ScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE invocationdata->>'Method' = 'PurgeWebhookHistoryAsync'");

    /// <summary>A client of its own, so it keeps its own cookies as a browser would.</summary>
    private HttpClient Operator()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{ApiFactory.OperatorKey}")));
        return client;
    }

    private static Regex CsrfMeta(string name) => new($"<meta name=\"{name}\" content=\"([^\"]*)\"");
}
