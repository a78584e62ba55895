using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Creating;

/// <summary>
/// contracts §1: the operator's <c>Invitations:DefaultLifetime</c> is any positive span up to 30 days. The 1–30 range is
/// for a caller's <c>expires_in_days</c> only; an operator's five seconds used to turn every create into a 400.
/// </summary>
public sealed class ShortLifetimeTests(ApiFactory<ShortLifetimeTests.FiveSeconds> api) : IClassFixture<ApiFactory<ShortLifetimeTests.FiveSeconds>>
{
    public sealed class FiveSeconds : IHostSettings
    {
        public static ApiHostOptions Options => ApiHostOptions.Manual.With(("Invitations:DefaultLifetime", "00:00:05"));
    }

    [Fact]
    public async Task NativeCreate_LivesTheConfiguredFiveSeconds_ThenCantBeAccepted()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var (invitation, token) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("five-seconds"));

        Assert.Equal(
            invitation["created_at"]!.GetValue<DateTimeOffset>().AddSeconds(5),
            invitation["expires_at"]!.GetValue<DateTimeOffset>());
        api.FakeClock.Advance(TimeSpan.FromSeconds(6));
        await ErrorAssert.ProblemAsync(await api.AcceptAsync(token), HttpStatusCode.Gone, "expired");
    }

    [Fact]
    public async Task NativeCreate_CallerAskingForDays_StillGetsThem()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var invitation = await (await api.InviteAsync(workspace, Mailbox.NewAddress("days"), extra: new { expires_in_days = 2 }))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(
            invitation["created_at"]!.GetValue<DateTimeOffset>().AddDays(2),
            invitation["expires_at"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task CompatibilityRoutes_CreateWithTheShortLifetime()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var inviteTeammate = await api.BearerClient(workspace.ApiKey)
            .PostAsJsonAsync(ApiClients.InviteTeammate, new { email = Mailbox.NewAddress("invite-teammate") });
        var workspaceInvite = await api.WorkspaceInviteClient(workspace.ApiKey, workspace.Id.ToString())
            .PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), new { email = Mailbox.NewAddress("workspace-invite"), role = "viewer" });

        Assert.Equal("ok", (string?)(await inviteTeammate.ReadJsonAsync(HttpStatusCode.OK))["status"]);
        Assert.True((bool)(await workspaceInvite.ReadJsonAsync(HttpStatusCode.OK))["success"]!);
    }
}
