using System.Net;
using System.Net.Http.Json;
using Invitations.IntegrationTests.Bulk;

namespace Invitations.IntegrationTests.Creating;

/// <summary>
/// The daily limit (1,000 here) under concurrency on two nodes sharing one database, single creates and a bulk request
/// together: never one invitation more than the limit, and every create past it refused with 429.
/// </summary>
public sealed class DailyLimitAcrossNodesTests(ApiFactory<BulkLimit> api) : IClassFixture<ApiFactory<BulkLimit>>
{
    private const int Limit = 1000;
    private const int Singles = 1150;
    private const int BulkRows = 100;

    [Fact]
    public async Task ConcurrentCreatesOnTwoNodes_StopExactlyAtTheLimit()
    {
        await using var second = new SecondHost(api, serverEnabled: false);
        var workspace = await api.CreateWorkspaceAsync();
        var clients = new[] { api.ClientWithKey(workspace.ApiKey), second.ClientWithKey(workspace.ApiKey) };
        using var inFlight = new SemaphoreSlim(48);

        async Task<HttpStatusCode> CreateAsync(int i)
        {
            await inFlight.WaitAsync();
            try
            {
                var response = await clients[i % 2].PostAsJsonAsync(
                    ApiClients.Native(workspace), new { email = Mailbox.NewAddress($"limit{i}"), role = "viewer", send_email = false });
                return response.StatusCode;
            }
            finally
            {
                inFlight.Release();
            }
        }

        var singles = Enumerable.Range(0, Singles).Select(CreateAsync).ToList();
        var bulk = clients[1].PostAsJsonAsync($"{ApiClients.Native(workspace)}/bulk", new
        {
            invitations = Enumerable.Range(0, BulkRows).Select(i => new { email = Mailbox.NewAddress($"limitbulk{i}"), role = "viewer", send_email = false }),
        });
        var statuses = await Task.WhenAll(singles);
        var bulkAnswer = await bulk;

        Assert.All(statuses, status => Assert.Contains(status, new[] { HttpStatusCode.Created, HttpStatusCode.TooManyRequests }));
        var bulkCreated = bulkAnswer.StatusCode == HttpStatusCode.OK ? BulkRows : 0;
        Assert.Contains(bulkAnswer.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests });
        var stored = await api.ScalarAsync<long>("SELECT count(*) FROM invitations WHERE workspace_id = @ws", ("ws", workspace.Id));
        Assert.Equal(Limit, stored);
        Assert.Equal(Limit, statuses.Count(s => s == HttpStatusCode.Created) + bulkCreated);
    }
}
