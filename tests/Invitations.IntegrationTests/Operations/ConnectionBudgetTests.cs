using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// Two nodes and an operator share a PostgreSQL server with the default <c>max_connections</c> of 100: 97 connections
/// for everyone but superusers. The test server is shared with the rest of the suite, so the 97 is the limit of the
/// login role both nodes and the operator use here. Before each node had a budget, 200 concurrent requests on one node
/// grew its pool to Npgsql's default of 100 and took every connection: the other node and the operator were refused.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class ConnectionBudgetTests(ConnectionBudgetTests.NodeFactory api) : IClassFixture<ConnectionBudgetTests.NodeFactory>
{
    private const int ConnectionsForAllButSuperusers = 97;
    private const int DefaultNodeBudget = 30 + 10; // Database:MaxPoolSize + Hangfire:MaxPoolSize

    /// <summary>The service as deployed on a database whose own login may hold only so many connections.</summary>
    public sealed class NodeFactory() : ApiFactory(ApiHostOptions.Service.With(("Invitations:InviteeRequestsPerMinute", "100000")))
    {
        public string Role { get; } = $"invitations_node_{Guid.NewGuid():N}"[..30];

        protected override Task<string> CreateDatabaseAsync() => TestDatabase.CreateForRoleAsync(Role, ConnectionsForAllButSuperusers);

        protected override Task DropDatabaseAsync() => TestDatabase.DropWithRoleAsync(ConnectionString);
    }

    [Fact]
    public async Task BurstOfConcurrentRequestsOnOneNode_LeavesTheOtherNodeAndAnOperatorServed()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await using var secondNode = new SecondHost(api);
        var second = secondNode.ClientWithKey(workspace.ApiKey);
        await (await second.GetAsync(ApiClients.Native(workspace))).ReadJsonAsync(HttpStatusCode.OK);
        await using var admin = await TestDatabase.AdminConnectionAsync();
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakConnectionsAsync(admin, api.Role, sampling.Token);
        using var bursting = new CancellationTokenSource();
        var burst = BurstAsync(api.CreateClient(), bursting.Token);

        var created = await second.PostAsJsonAsync(
            ApiClients.Native(workspace), new { email = Mailbox.NewAddress("during-burst"), role = "viewer", send_email = false });
        var listed = await second.GetAsync(ApiClients.Native(workspace));
        var operatorAnswer = await OperatorQueryAsync();

        await bursting.CancelAsync();
        var statuses = await burst;
        await sampling.CancelAsync();
        await created.ReadJsonAsync(HttpStatusCode.Created);
        await listed.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, operatorAnswer);
        Assert.True(statuses.Count >= 200, $"only {statuses.Count} burst requests ran");
        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.ServiceUnavailable, $"Got {(int)status}"));
        Assert.InRange(await peak, 1, 2 * DefaultNodeBudget + 1);
    }

    /// <summary>Waves of 200 concurrent invitee lookups until cancelled (at least one wave), each answered 404 or 503.</summary>
    private static async Task<List<HttpStatusCode>> BurstAsync(HttpClient client, CancellationToken stop)
    {
        var statuses = new List<HttpStatusCode>();
        do
        {
            var wave = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
                (await client.PostAsJsonAsync("/v1/invitations/lookup", new { token = $"no-such-token-{i}" })).StatusCode));
            statuses.AddRange(wave);
        }
        while (!stop.IsCancellationRequested && statuses.Count < 2000);

        return statuses;
    }

    private async Task<int> OperatorQueryAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(api.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> SamplePeakConnectionsAsync(NpgsqlConnection admin, string role, CancellationToken stop)
    {
        var peak = 0;
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE usename = @role", admin);
        count.Parameters.AddWithValue("role", role);
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, (int)(long)(await count.ExecuteScalarAsync(CancellationToken.None))!);
            await Task.Delay(10, CancellationToken.None);
        }

        return peak;
    }
}
