using System.Net;
using System.Net.Http.Json;
using static Invitations.IntegrationTests.Support.WebhookScenario;

namespace Invitations.IntegrationTests.JoinLinks;

/// <summary>
/// A join link from end to end (contract §13): the owner makes it, someone asks to join with their address, the ordinary
/// invitation email proves the address, and accepting makes them a member with the link's role and team.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class JoinJourneyTests(ServiceHost api) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task CreateJoinEmailAccept_MakesAMemberWithTheLinksRoleAndTeam_InvitedByTheLinksCreator()
    {
        var workspace = await api.CreateWorkspaceAsync("Orbit");
        await (await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/teams", new { title = "Support" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var created = await api.PostJoinLinkAsync(workspace, new { role = "editor", team = "Support", max_uses = 3, description = "Conference" });
        var link = await created.ReadJsonAsync(HttpStatusCode.Created);
        var url = link["url"]!.GetValue<string>();
        var token = JoinLinkScenario.TokenOf(url);
        var email = Mailbox.NewAddress("Joiner");

        var lookup = await (await api.CreateClient().LookupJoinLinkAsync(token)).ReadJsonAsync(HttpStatusCode.OK);
        var joined = await api.JoinAsync(token, email);
        Assert.Equal(HttpStatusCode.Accepted, joined.StatusCode);
        Assert.Equal("""{"status":"invitation_sent"}""", await joined.Content.ReadAsStringAsync());
        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email));
        var accepted = await (await api.AcceptAsync(Mailbox.TokenIn(message), new { first_name = "Jo" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.StartsWith("https://app.invitations.test/join#token=", url);
        Assert.Equal($"{JoinLinkScenario.JoinLinks(workspace)}/{link["id"]}", created.Headers.Location!.ToString());
        Assert.Equal(("Orbit", "editor", "Support", "active"), ((string)lookup["workspace_name"]!, (string)lookup["role"]!, (string)lookup["team"]!, (string)lookup["status"]!));
        Assert.Equal(("editor", "Support"), ((string)accepted["role"]!, (string)accepted["team"]!));
        var member = Assert.Single(await api.MembersAsync(workspace), m => (string?)m!["email"] == email)!;
        Assert.Equal(("editor", "Support", "Jo"), ((string)member["role"]!, (string)member["team"]!, (string)member["first_name"]!));
        var invitation = Assert.Single(await api.JoinLinkInvitationsAsync(workspace, JoinLinkScenario.IdOf(link)))!;
        Assert.Equal(link["id"]!.GetValue<Guid>(), invitation["join_link_id"]!.GetValue<Guid>());
        Assert.Equal((workspace.OwnerUserId, workspace.OwnerEmail), ((long)invitation["invited_by"]!["user_id"]!, (string)invitation["invited_by"]!["email"]!));
        Assert.Equal("accepted", (string?)invitation["status"]);
        var after = await api.GetJoinLinkAsync(workspace, JoinLinkScenario.IdOf(link));
        Assert.Equal((1, 3, "active"), ((int)after["uses"]!, (int)after["max_uses"]!, (string)after["status"]!));
        Assert.Null(after["url"]); // shown only when made
    }

    [Fact]
    public async Task AnInvitationMadeThroughALink_CarriesItsId_OnTheResourceAndOnTheCreatedEvent()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.created");
        var (link, token) = await api.CreateJoinLinkAsync(workspace);
        var email = Mailbox.NewAddress("hooked");
        var direct = await api.InvitationIdAsync(workspace);

        (await api.JoinAsync(token, email)).EnsureSuccessStatusCode();
        await api.WaitForJoinsAsync();
        var id = await api.InvitationIdByEmailAsync(workspace, email);

        var resource = await api.GetInvitationAsync(workspace, id);
        var created = InvitationOf(await _receiver.EventAsync("invitation.created", id));
        var createdDirectly = InvitationOf(await _receiver.EventAsync("invitation.created", direct));
        Assert.Equal(JoinLinkScenario.IdOf(link), resource["join_link_id"]!.GetValue<Guid>());
        Assert.Equal(JoinLinkScenario.IdOf(link), created["join_link_id"]!.GetValue<Guid>());
        Assert.True(createdDirectly.ContainsKey("join_link_id"));
        Assert.Null(createdDirectly["join_link_id"]);
        Assert.Null((await api.GetInvitationAsync(workspace, direct))["join_link_id"]);
    }
}
