using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.EmailDelivery;

/// <summary>
/// The outbox's promises with real workers, a real SMTP server and failures in it. Retry delays here are 5 s, 20 s, 60 s: an
/// email is tried 0, 5, 25 and 85 s after it is owed, so an outage of a minute is outlasted by its last attempt.
/// </summary>
[LongRunning]
public sealed class OutboxGuaranteeTests(ApiFactory<OutboxGuaranteeTests.PatientRetries> api) : IClassFixture<ApiFactory<OutboxGuaranteeTests.PatientRetries>>, IDisposable
{
    public sealed class PatientRetries : IHostSettings
    {
        public static ApiHostOptions Options => ApiHostOptions.Service.With(
            ("Email:RetryDelaysSeconds:0", "5"), ("Email:RetryDelaysSeconds:1", "20"), ("Email:RetryDelaysSeconds:2", "60"));
    }

    public void Dispose()
    {
        api.Smtp.RefuseConnections = false;
        api.Smtp.RejectRecipient = null;
    }

    [Fact]
    public async Task SmtpRefusingConnectionsForAMinuteDuringABurstOf300_EveryEmailArrivesAfterwards_NoneTwice()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var addresses = Enumerable.Range(0, 300).Select(i => Mailbox.NewAddress($"outage{i}")).ToList();
        api.Smtp.RefuseConnections = true;
        var refusedSince = DateTimeOffset.UtcNow;

        var created = await CreateAllAsync(workspace, addresses);
        await Task.Delay(TimeSpan.FromMinutes(1) - (DateTimeOffset.UtcNow - refusedSince));
        Assert.DoesNotContain(api.Smtp.Messages, m => addresses.Any(m.IsTo));
        api.Smtp.RefuseConnections = false;

        await api.Smtp.WaitForMessagesAsync(300, TimeSpan.FromSeconds(90), m => addresses.Any(m.IsTo));
        await api.WaitForEmailJobsToSettleAsync();
        Assert.All(addresses, email => Assert.Single(api.Smtp.To(email)));
        var sample = await api.GetInvitationAsync(workspace, created[^1]);
        Assert.Equal("sent", (string?)sample["email_status"]);
        Assert.Null(sample["last_email_error"]);
    }

    [Fact]
    public async Task OneRefusedAddress_NeverHoldsUpTheOthers()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var bad = Mailbox.NewAddress("no-such-mailbox");
        var good = Enumerable.Range(0, 20).Select(i => Mailbox.NewAddress($"good{i}")).ToList();
        api.Smtp.RejectRecipient = to => to.Equals(bad, StringComparison.OrdinalIgnoreCase);

        var ids = await CreateAllAsync(workspace, [bad, .. good]);

        await api.Smtp.WaitForMessagesAsync(20, Mailbox.ArrivalTimeout, m => good.Any(m.IsTo));
        var refused = await api.WaitForInvitationAsync(workspace, ids[0], i => i["last_email_error"] is not null, "a delivery error");
        Assert.Equal("queued", (string?)refused["email_status"]);
        Assert.Contains("No such mailbox", (string?)refused["last_email_error"], StringComparison.Ordinal);
        Assert.Empty(api.Smtp.To(bad));

        // An email backing off must not keep dispatch jobs coming one after another while it waits.
        await api.WaitForEmailJobsToSettleAsync();
        const string dispatchJobs = "SELECT count(*) FROM hangfire.job WHERE invocationdata->>'Type' LIKE '%EmailDispatchJob%'";
        var before = await api.ScalarAsync<long>(dispatchJobs);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.InRange(await api.ScalarAsync<long>(dispatchJobs) - before, 0, 3);
    }

    private async Task<List<Guid>> CreateAllAsync(TestWorkspace workspace, IReadOnlyList<string> addresses)
    {
        var client = api.ClientWithKey(workspace.ApiKey);
        using var gate = new SemaphoreSlim(16);
        var responses = await Task.WhenAll(addresses.Select(async email =>
        {
            await gate.WaitAsync();
            try
            {
                return await client.PostAsJsonAsync($"/v1/workspaces/{workspace.Id}/invitations", new { email, role = "viewer" });
            }
            finally
            {
                gate.Release();
            }
        }));
        var ids = new List<Guid>();
        foreach (var response in responses)
        {
            ids.Add((await response.ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>());
        }

        return ids;
    }
}
