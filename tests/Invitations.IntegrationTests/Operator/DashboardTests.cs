using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Invitations.IntegrationTests.Operator;

[Collection(ServiceHostCollection.Name)]
public sealed class DashboardTests(ServiceHost api)
{
    [Fact]
    public async Task Dashboard_WithoutCredentials_Is401_WithABasicChallenge()
    {
        var response = await api.CreateClient().GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Basic");
    }

    [Theory]
    [InlineData("operator", "wrong-password")]
    [InlineData("admin", ApiFactory.OperatorKey)]
    [InlineData("operator", "")]
    public async Task Dashboard_WithWrongCredentials_Is401(string user, string password)
    {
        var response = await Client(user, password).GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Invitations jobs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_AsOperator_IsTheHtmlDashboard()
    {
        var response = await Operator().GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Invitations jobs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_ListsTheRecurringJobs_TheExpirySweepAndTheOutboxSafetyNet()
    {
        var page = await Operator().GetStringAsync("/hangfire/recurring");

        Assert.Contains("expire-invitations", page);
        Assert.Contains("dispatch-owed-emails", page);
        Assert.DoesNotContain("repair-owed-emails", page);
    }

    [Fact]
    public async Task Dashboard_ShowsTheDispatchJobWithWhatItSent_AndNoLink()
    {
        // On the shared host, a dispatch job another test left lingering would take this email into its own batch.
        await api.WaitForEmailJobsToSettleAsync();
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("dashboard");
        var id = (await (await api.InviteAsync(workspace, email)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var token = Mailbox.TokenIn(Assert.Single(await api.Smtp.WaitForMailAsync(email)));
        await api.WaitForEmailStatusAsync(workspace, id, "sent");
        await api.WaitForEmailJobsToSettleAsync();

        var succeeded = await Operator().GetStringAsync("/hangfire/jobs/succeeded");
        Assert.Contains("Send owed invitation emails", succeeded);
        var jobId = await api.ScalarAsync<long>(
            "SELECT id FROM hangfire.job WHERE invocationdata->>'Type' LIKE '%EmailDispatchJob%' AND statename = 'Succeeded' " +
            "AND EXISTS (SELECT 1 FROM hangfire.state s WHERE s.jobid = job.id AND s.data->>'Result' LIKE '%sent 1,%') ORDER BY id DESC LIMIT 1");
        var details = await Operator().GetStringAsync($"/hangfire/jobs/details/{jobId}");
        Assert.Contains("sent 1, failed for good 0", details);
        Assert.DoesNotContain(token, details);
    }

    [Fact]
    public async Task DashboardHome_ShowsTheOutboxMetrics()
    {
        var page = await Operator().GetStringAsync("/hangfire");

        Assert.Contains("Emails owed", page);
        Assert.Contains("Emails failing", page);
    }

    private HttpClient Operator() => Client("operator", ApiFactory.OperatorKey);

    private HttpClient Client(string user, string password)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }
}
