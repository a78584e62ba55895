namespace Invitations.IntegrationTests.EmailDelivery;

/// <summary>
/// Hangfire:WorkerCount, Hangfire:EmailWorkerCount and Hangfire:WebhookWorkerCount size this host's three job servers
/// (maintenance, the emails queue, the webhooks queue): what the operator sets is what the dashboard shows.
/// </summary>
public sealed class WorkerCountTests(ApiFactory<WorkerCountTests.ThreeServers> api) : IClassFixture<ApiFactory<WorkerCountTests.ThreeServers>>
{
    [Fact]
    public async Task TheJobServer_RunsTheConfiguredNumberOfWorkers()
    {
        using var client = api.CreateClient(); // Starts the host, and with it the job server.
        var deadline = DateTime.UtcNow + JobScenario.Patience;
        string? workers;
        while ((workers = await api.ScalarAsync<string?>(
                   "SELECT string_agg((data::jsonb ->> 'WorkerCount') || ':' || (data::jsonb -> 'Queues')::text, ' ' ORDER BY data::jsonb ->> 'WorkerCount') " +
                   "FROM hangfire.server HAVING count(*) = 3")) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The job server never announced itself.");
            await Task.Delay(100);
        }

        Assert.Equal("3:[\"default\"] 4:[\"webhooks\"] 5:[\"emails\"]", workers);
    }

    public sealed class ThreeServers : IHostSettings
    {
        public static ApiHostOptions Options => ApiHostOptions.Service.With(
            ("Hangfire:WorkerCount", "3"), ("Hangfire:EmailWorkerCount", "5"), ("Hangfire:WebhookWorkerCount", "4"));
    }
}
