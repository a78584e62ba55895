using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Creating;

[Collection(ManualHostCollection.Name)]
public sealed class ReinviteTests(ManualHost api)
{
    [Fact]
    public async Task Reinvite_AfterRevoke_IsCreatedWithANewUserId_WhichTheMemberGets()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("back");
        var (first, oldToken) = await api.InviteWithTokenAsync(workspace, email);
        await RevokeAsync(workspace, first);

        var (second, newToken) = await api.InviteWithTokenAsync(workspace, email);

        Assert.NotEqual(first["id"]!.GetValue<Guid>(), second["id"]!.GetValue<Guid>());
        Assert.NotEqual(first["user_id"]!.GetValue<long>(), second["user_id"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.Conflict, (await api.AcceptAsync(oldToken)).StatusCode);
        var member = await (await api.AcceptAsync(newToken)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(second["user_id"]!.GetValue<long>(), member["user_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Invite_WhilePending_IsADuplicateNamingTheExistingInvitation()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("twice");
        var (first, _) = await api.InviteWithTokenAsync(workspace, email);

        var response = await api.InviteAsync(workspace, email.ToUpperInvariant(), sendEmail: false);

        var problem = await response.ReadJsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("duplicate-pending", (string?)problem["type"]);
        Assert.Equal(first["id"]!.GetValue<Guid>(), problem["existing_invitation_id"]!.GetValue<Guid>());
        Assert.Single(await ListAsync(workspace, email));
    }

    [Fact]
    public async Task Invite_WhilePendingThroughTheCompatibilityRoutes_IsA409InTheirShape()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("compat");
        await api.InviteWithTokenAsync(workspace, email);

        var inviteTeammate = api.CreateClient();
        inviteTeammate.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", workspace.ApiKey);
        var a = await (await inviteTeammate.PostAsJsonAsync("/integrations/api/workspace/invitations", new { email }))
            .ReadJsonAsync(HttpStatusCode.Conflict);
        var workspaceInvite = api.ClientWithKey(workspace.ApiKey);
        workspaceInvite.DefaultRequestHeaders.Add("x-workspace-id", workspace.Id.ToString());
        var b = await (await workspaceInvite.PostAsJsonAsync($"/v1/api/workspaces/{workspace.Id}/invite", new { email, role = "viewer" }))
            .ReadJsonAsync(HttpStatusCode.Conflict);

        Assert.Equal("error", (string?)a["status"]);
        Assert.False(b["success"]!.GetValue<bool>());
        Assert.Single(await ListAsync(workspace, email));
    }

    [Fact]
    public async Task Reinvite_AfterAccept_IsAlreadyAMember()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("joined");
        var (_, token) = await api.InviteWithTokenAsync(workspace, email);
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        var problem = await (await api.InviteAsync(workspace, email, sendEmail: false)).ReadJsonAsync(HttpStatusCode.Conflict);

        Assert.Contains("already-member", (string?)problem["type"]);
    }

    [Fact]
    public async Task Reinvite_AfterRevoke_ThenAgainWhilePending_IsADuplicateOfTheNewOne()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("third");
        var (first, _) = await api.InviteWithTokenAsync(workspace, email);
        await RevokeAsync(workspace, first);
        var (second, _) = await api.InviteWithTokenAsync(workspace, email);

        var problem = await (await api.InviteAsync(workspace, email, sendEmail: false)).ReadJsonAsync(HttpStatusCode.Conflict);

        Assert.Equal(second["id"]!.GetValue<Guid>(), problem["existing_invitation_id"]!.GetValue<Guid>());
        Assert.Equal(2, (await ListAsync(workspace, email)).Count);
    }

    private async Task RevokeAsync(TestWorkspace workspace, JsonObject invitation) =>
        await (await api.ClientWithKey(workspace.ApiKey)
                .PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{(string?)invitation["id"]}/revoke", null))
            .ReadJsonAsync(HttpStatusCode.OK);

    private async Task<JsonArray> ListAsync(TestWorkspace workspace, string email) =>
        (await (await api.ClientWithKey(workspace.ApiKey)
                .GetAsync($"/v1/workspaces/{workspace.Id}/invitations?email={Uri.EscapeDataString(email)}"))
            .ReadJsonAsync(HttpStatusCode.OK))["items"]!.AsArray();
}
