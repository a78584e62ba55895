using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.EmailDelivery;

/// <summary>
/// The service as a real process, killed (SIGKILL) while its dispatchers are sending, then started again: every email
/// goes out within 2 minutes of the restart, and an email goes out twice only if the SMTP server accepted it in the
/// batch the kill cut short (before the process could record it).
/// </summary>
[LongRunning]
public sealed class ProcessKillTests : IAsyncLifetime
{
    private const string OperatorKey = "kill-test-operator-key";
    private const int Invitations = 150;
    private string _database = null!;
    private SmtpTestServer _smtp = null!;

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
    public async Task KilledWhileSending_EveryEmailArrivesWithinTwoMinutesOfTheRestart_AndOnlyTheBatchInFlightTwice()
    {
        _smtp.DelayPerMessage = TimeSpan.FromMilliseconds(40);
        var url = $"http://127.0.0.1:{ServiceProcess.FreePort()}";
        List<string> addresses;
        await using (var first = await StartAsync(url))
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            var workspace = await Scenario.CreateWorkspaceAsync(client, OperatorKey, "Kill test");
            client.DefaultRequestHeaders.Add("x-api-key", workspace.ApiKey);
            addresses = Enumerable.Range(0, Invitations).Select(i => Mailbox.NewAddress($"kill{i}")).ToList();
            foreach (var email in addresses)
            {
                var created = await client.PostAsJsonAsync($"/v1/workspaces/{workspace.Id}/invitations", new { email, role = "viewer" });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            await _smtp.WaitForMessagesAsync(20, TimeSpan.FromSeconds(60), m => addresses.Any(m.IsTo));
            first.Kill();
        }

        Assert.True(_smtp.Messages.Count(m => addresses.Any(m.IsTo)) < Invitations, "Everything was sent before the kill; nothing was tested.");
        // Anything that arrived before the second process existed was sent by the first one.
        var secondStartedAt = DateTimeOffset.UtcNow;
        await using var second = await StartAsync(url);
        var restartedAt = DateTimeOffset.UtcNow;

        await _smtp.WaitForMessagesAsync(Invitations, TimeSpan.FromMinutes(2), m => addresses.Any(m.IsTo) && FirstOfItsAddress(m));
        Assert.True(DateTimeOffset.UtcNow - restartedAt < TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate in the making would land now
        var copies = addresses.ToDictionary(a => a, a => _smtp.To(a));
        Assert.All(copies, pair => Assert.NotEmpty(pair.Value));
        foreach (var (_, received) in copies.Where(pair => pair.Value.Count > 1))
        {
            Assert.Equal(2, received.Count);
            Assert.True(received[0].ReceivedAt < secondStartedAt, "An email was sent twice by the restarted service.");
            Assert.True(received[1].ReceivedAt >= secondStartedAt, "An email was sent twice by the killed service.");
        }
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
