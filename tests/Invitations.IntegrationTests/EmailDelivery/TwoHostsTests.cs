using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.EmailDelivery;

/// <summary>Two instances of the service on one database, as behind a load balancer: each owed email goes out once.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class TwoHostsTests(ServiceHost api)
{
    [Fact]
    public async Task TwentyCreatesAcrossTwoHosts_SendTwentyEmails_EachRecipientOnce()
    {
        await using var second = new SecondHost(api);
        var workspace = await api.CreateWorkspaceAsync();
        var addresses = Enumerable.Range(0, 20).Select(i => Mailbox.NewAddress($"host{i % 2}")).ToList();
        var clients = new[] { api.ClientWithKey(workspace.ApiKey), second.ClientWithKey(workspace.ApiKey) };

        var responses = await Task.WhenAll(addresses.Select((email, i) => clients[i % 2].PostAsJsonAsync(
            $"/v1/workspaces/{workspace.Id}/invitations", new { email, role = "teammate" })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        await api.Smtp.WaitForMessagesAsync(20, Mailbox.ArrivalTimeout, m => addresses.Any(m.IsTo));
        foreach (var response in responses)
        {
            var id = (await response.ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
            await api.WaitForEmailStatusAsync(workspace, id, "sent");
        }

        await api.WaitForEmailJobsToSettleAsync();
        var ours = api.Smtp.Messages.Where(m => addresses.Any(m.IsTo)).ToList();
        Assert.Equal(20, ours.Count);
        Assert.Equal(20, ours.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.All(addresses, email => Assert.Single(api.Smtp.To(email)));
        Assert.True(await api.ScalarAsync<long>("SELECT count(*) FROM hangfire.server") >= 2, "Both hosts run job servers.");
    }

    [Fact]
    public async Task EmailOwedOnAHostWithoutWorkers_IsSentByTheOtherHost()
    {
        await using var front = new SecondHost(api, serverEnabled: false);
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("front");

        var created = await (await front.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(
            $"/v1/workspaces/{workspace.Id}/invitations", new { email, role = "teammate" })).ReadJsonAsync(HttpStatusCode.Created);

        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email));
        await api.WaitForEmailStatusAsync(workspace, created["id"]!.GetValue<Guid>(), "sent");
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }
}
