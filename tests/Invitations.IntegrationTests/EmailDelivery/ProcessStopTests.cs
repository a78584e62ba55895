using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.EmailDelivery;

/// <summary>
/// The service as a real process, stopped while its dispatchers are sending, then started again: every email goes out within
/// 2 minutes of the restart. Killed (SIGKILL), an email goes out twice only if the SMTP server accepted it in the quarter of a
/// second before the kill (its outcome not yet recorded); terminated (SIGTERM), none does.
/// </summary>
[LongRunning]
public sealed class ProcessStopTests : IAsyncLifetime
{
    private const string OperatorKey = "kill-test-operator-key";
    private const int Invitations = 150;
    private string _database = null!;
    private SmtpTestServer _smtp = null!;
    private readonly string _url = $"http://127.0.0.1:{ServiceProcess.FreePort()}";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp = SmtpTestServer.Start();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task KilledWhileSending_EveryEmailArrivesWithinTwoMinutesOfTheRestart_AndOnlyTheLastQuarterSecondTwice()
    {
        var (addresses, stoppedAt) = await SendThenStopAsync(service =>
        {
            service.Kill();
            return Task.CompletedTask;
        });

        Assert.True(_smtp.Messages.Count(m => addresses.Any(m.IsTo)) < Invitations, "Everything was sent before the kill; nothing was tested.");
        var restartedAt = await RestartAndWaitForAllAsync(addresses);
        var copies = addresses.ToDictionary(a => a, a => _smtp.To(a));
        Assert.All(copies, pair => Assert.NotEmpty(pair.Value));
        foreach (var (_, received) in copies.Where(pair => pair.Value.Count > 1))
        {
            Assert.Equal(2, received.Count);
            Assert.True(received[1].ReceivedAt >= restartedAt, "An email was sent twice by the killed service.");

            // Each outcome is recorded within a quarter of a second of the server's reply (here 40 ms after the message).
            var repliedAt = received[0].ReceivedAt + _smtp.DelayPerMessage;
            Assert.True(repliedAt >= stoppedAt - TimeSpan.FromMilliseconds(250),
                $"Accepted {(stoppedAt - repliedAt).TotalMilliseconds:0} ms before the kill, yet sent again: its outcome was never recorded.");
        }
    }

    [Fact]
    public async Task TerminatedWhileSending_RecordsWhatItSentBeforeExiting_AndNoEmailArrivesTwice()
    {
        var (addresses, _) = await SendThenStopAsync(async service =>
        {
            service.Terminate();
            Assert.Equal(0, await service.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        });

        Assert.True(_smtp.Messages.Count(m => addresses.Any(m.IsTo)) < Invitations, "Everything was sent before the stop; nothing was tested.");
        await RestartAndWaitForAllAsync(addresses);
        Assert.All(addresses, address => Assert.Single(_smtp.To(address)));
    }

    /// <summary>Creates the invitations through a first process and stops it (as <paramref name="stop"/> says) mid-sending.</summary>
    private async Task<(List<string> Addresses, DateTimeOffset StoppedAt)> SendThenStopAsync(Func<ServiceProcess, Task> stop)
    {
        _smtp.DelayPerMessage = TimeSpan.FromMilliseconds(40);
        await using var first = await StartAsync(_url);
        using var client = new HttpClient { BaseAddress = new Uri(_url) };
        var workspace = await Scenario.CreateWorkspaceAsync(client, OperatorKey, "Stop test");
        client.DefaultRequestHeaders.Add("x-api-key", workspace.ApiKey);
        var addresses = Enumerable.Range(0, Invitations).Select(i => Mailbox.NewAddress($"stop{i}")).ToList();
        foreach (var email in addresses)
        {
            var created = await client.PostAsJsonAsync($"/v1/workspaces/{workspace.Id}/invitations", new { email, role = "viewer" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await _smtp.WaitForMessagesAsync(20, TimeSpan.FromSeconds(60), m => addresses.Any(m.IsTo));
        var stoppedAt = DateTimeOffset.UtcNow;
        await stop(first);
        return (addresses, stoppedAt);
    }

    /// <summary>Starts the service again and waits until every address has its email; returns when it started.</summary>
    private async Task<DateTimeOffset> RestartAndWaitForAllAsync(List<string> addresses)
    {
        var restartedAt = DateTimeOffset.UtcNow;
        await using var second = await StartAsync(_url);
        await _smtp.WaitForMessagesAsync(addresses.Count, TimeSpan.FromMinutes(2), m => addresses.Any(m.IsTo) && FirstOfItsAddress(m));
        Assert.True(DateTimeOffset.UtcNow - restartedAt < TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate in the making would land now
        return restartedAt;
    }

    private bool FirstOfItsAddress(ReceivedMessage message) =>
        _smtp.Messages.First(m => m.Recipients.SequenceEqual(message.Recipients)) == message;

    private async Task<ServiceProcess> StartAsync(string url)
    {
        var service = ServiceProcess.StartApi(new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = url,
            ["ConnectionStrings__Invitations"] = _database,
            ["Operator__ApiKey"] = OperatorKey,
            ["Email__Transport"] = "Smtp",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
        });
        Assert.True(await service.WaitForOutputAsync("Now listening on:", TimeSpan.FromSeconds(60)), service.Output);
        return service;
    }
}
