using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.EmailDelivery;

/// <summary>
/// contracts §5: an invitation committed while the process died before its email went out is still emailed within 2
/// minutes of the service running again. Here the first host has no workers, as a process that died right after its
/// commits would have sent nothing; a second host on the same database is the service running again.
/// </summary>
[Collection(ManualHostCollection.Name)]
public sealed class CrashRecoveryTests(ManualHost api)
{
    private static readonly TimeSpan TwoMinutes = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task EmailsCommittedByAProcessThatSentNothing_AreSentOnceByTheNextProcess()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var addresses = Enumerable.Range(0, 10).Select(i => Mailbox.NewAddress($"committed{i}")).ToList();
        foreach (var email in addresses)
        {
            await (await api.InviteAsync(workspace, email)).ReadJsonAsync(HttpStatusCode.Created);
        }

        await using var restarted = new SecondHost(api, serverEnabled: true);
        _ = restarted.Services; // Starts it.

        await api.Smtp.WaitForMessagesAsync(10, TwoMinutes, m => addresses.Any(m.IsTo));
        await api.WaitForEmailJobsToSettleAsync();
        Assert.All(addresses, email => Assert.Single(api.Smtp.To(email)));
    }

    [Fact]
    public async Task EmailsClaimedByADispatcherThatDied_AreSentOnceTheirLeaseLapses()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("claimed-then-crashed");
        var id = (await (await api.InviteAsync(workspace, email)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await api.ExecuteSqlAsync(
            "UPDATE invitation_deliveries SET locked_until = now() + interval '10 seconds' WHERE invitation_id = @id", ("id", id));

        await using var restarted = new SecondHost(api, serverEnabled: true);
        _ = restarted.Services;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(api.Smtp.To(email));

        var message = Assert.Single(await api.Smtp.WaitForMessagesAsync(1, TwoMinutes, m => m.IsTo(email)));
        await api.WaitForEmailJobsToSettleAsync();
        Assert.Single(api.Smtp.To(email));
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }
}
