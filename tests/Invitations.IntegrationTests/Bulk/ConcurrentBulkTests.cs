using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Bulk;

/// <summary>Two bulk requests for the same addresses at the same moment, one in the other's reverse order.</summary>
public sealed class ConcurrentBulkTests(ApiFactory<BulkLimit> api) : IClassFixture<ApiFactory<BulkLimit>>
{
    private const int Addresses = 150;

    [Fact]
    public async Task OverlappingBulksInOppositeOrders_NeverAnswer500_AndCreateEachAddressOnce()
    {
        for (var round = 0; round < 4; round++)
        {
            var workspace = await api.CreateWorkspaceAsync();
            var addresses = Enumerable.Range(0, Addresses).Select(i => Mailbox.NewAddress($"both{round}-{i}")).ToList();
            var client = api.ClientWithKey(workspace.ApiKey);

            var answers = await Task.WhenAll(
                client.PostAsJsonAsync($"{ApiClients.Native(workspace)}/bulk", Rows(addresses)),
                client.PostAsJsonAsync($"{ApiClients.Native(workspace)}/bulk", Rows(Enumerable.Reverse(addresses))));

            var results = new List<(string? Email, string? Status)>();
            foreach (var answer in answers)
            {
                var body = await answer.ReadJsonAsync(HttpStatusCode.OK);
                results.AddRange(body["results"]!.AsArray().Select(r => ((string?)r!["email"], (string?)r["status"])));
            }

            Assert.All(addresses, email => Assert.Equal(
                ["created", "duplicate_pending"], results.Where(r => r.Email == email).Select(r => r.Status).Order(StringComparer.Ordinal)));
            Assert.Equal(Addresses, await api.ScalarAsync<long>(
                "SELECT count(*) FROM invitations WHERE workspace_id = @ws AND status = 'pending'", ("ws", workspace.Id)));
        }
    }

    private static object Rows(IEnumerable<string> addresses) =>
        new { invitations = addresses.Select(email => new { email, role = "viewer", send_email = false }).ToList() };
}
