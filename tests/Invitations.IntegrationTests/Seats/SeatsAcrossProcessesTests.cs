using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Seats;

/// <summary>
/// The seat limit under concurrency on two service processes sharing one database (the test host, and the built service run
/// as its own process): 50 creates at once, through all three create routes, into a workspace with 10 free seats.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class SeatsAcrossProcessesTests(ServiceHost api)
{
    private const int Creates = 50;
    private const int FreeSeats = 10;

    [Fact]
    public async Task FiftyConcurrentCreates_OnTwoProcesses_TakeExactlyTheTenFreeSeats()
    {
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        await using var other = ServiceProcess.StartApi(new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = url.ToString(),
            ["ConnectionStrings__Invitations"] = api.ConnectionString,
            ["Operator__ApiKey"] = ApiFactory.OperatorKey,
            ["Hangfire__ServerEnabled"] = "false",
            ["Email__Transport"] = "Directory",
            ["Email__DirectoryPath"] = Path.Combine(Path.GetTempPath(), $"seats-mail-{Guid.NewGuid():N}"),
        });
        Assert.True(await other.WaitForOutputAsync("Now listening on:", TimeSpan.FromSeconds(60)), other.Output);
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetSeatLimitAsync(workspace, 1 + FreeSeats); // the owner holds one
        using var local = api.CreateClient();
        using var remote = new HttpClient { BaseAddress = url };

        var answers = await Task.WhenAll(Enumerable.Range(0, Creates).Select(i => CreateAsync(i % 2 == 0 ? local : remote, workspace, i)));

        Assert.Equal(FreeSeats, answers.Count(a => a is HttpStatusCode.Created or HttpStatusCode.OK));
        Assert.Equal(Creates - FreeSeats, answers.Count(a => a == HttpStatusCode.Conflict));
        Assert.Equal((1L, (long)FreeSeats), await api.SeatRowsAsync(workspace));
        Assert.Equal(0, (int?)(await api.SeatsAsync(workspace))["available"]);
        QuietLog.Assert(other.Output, "while creates were refused for want of a seat");
    }

    /// <summary>Native, invite-teammate and workspace-invite in turn, each with the workspace's owner key.</summary>
    private static async Task<HttpStatusCode> CreateAsync(HttpClient client, TestWorkspace workspace, int i)
    {
        var email = Mailbox.NewAddress($"seat{i}");
        using var request = (i % 3) switch
        {
            0 => new HttpRequestMessage(HttpMethod.Post, ApiClients.Native(workspace))
            {
                Content = JsonContent.Create(new { email, role = "viewer", send_email = false }),
            },
            1 => new HttpRequestMessage(HttpMethod.Post, ApiClients.InviteTeammate) { Content = JsonContent.Create(new { email }) },
            _ => new HttpRequestMessage(HttpMethod.Post, ApiClients.WorkspaceInvite(workspace.Id))
            {
                Content = JsonContent.Create(new { email, role = "viewer" }),
            },
        };
        if (i % 3 == 1)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", workspace.ApiKey); // as its vendor's page says
        }
        else
        {
            request.Headers.Add("x-api-key", workspace.ApiKey);
        }

        if (i % 3 == 2)
        {
            request.Headers.Add("x-workspace-id", workspace.Id.ToString());
        }

        return (await client.SendAsync(request)).StatusCode;
    }
}
