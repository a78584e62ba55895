using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Creating;

[Collection(ServiceHostCollection.Name)]
public sealed class NativeInvitationPermissionTests(ServiceHost api)
{
    [Theory]
    [InlineData("teammate")]
    [InlineData("viewer")]
    [InlineData("agent")]
    [InlineData("editor")]
    [InlineData("collaborator")]
    [InlineData("team_supervisor")]
    public async Task Create_ByNonInviter_Is403AndWritesNothing(string role)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var key = await api.MemberKeyAsync(workspace, role);
        var before = await api.RowCountsAsync();

        var response = await api.ClientWithKey(key).PostAsJsonAsync(ApiClients.Native(workspace), new { email = "nope@example.com", role = "viewer" });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "cannot-invite");
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task Create_ByNonInviter_OfAMembersAddress_Is403_SoTheKeyLearnsNothingAboutWhoIsAMember()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var key = await api.MemberKeyAsync(workspace, "viewer");

        var response = await api.ClientWithKey(key).PostAsJsonAsync(ApiClients.Native(workspace), new { email = workspace.OwnerEmail, role = "viewer" });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "cannot-invite");
    }

    [Theory]
    [InlineData("teammate", "revoke")]
    [InlineData("teammate", "resend")]
    [InlineData("viewer", "revoke")]
    [InlineData("viewer", "resend")]
    public async Task Action_ByNonInviter_Is403AndLeavesInvitationPending(string role, string action)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, $"target-{role}-{action}@example.com");
        var key = await api.MemberKeyAsync(workspace, role);
        var before = await api.RowCountsAsync();

        var response = await api.ClientWithKey(key).PostAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}/{action}", null);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "cannot-invite");
        Assert.Equal(before, await api.RowCountsAsync());
        var fetched = await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("pending", (string?)fetched["status"]);
        Assert.Null(fetched["email_status"]);
    }

    [Fact]
    public async Task Create_ByAdmin_Is201InvitedByTheAdmin()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.com";
        var key = await api.MemberKeyAsync(workspace, "admin", adminEmail);

        var response = await api.ClientWithKey(key).PostAsJsonAsync(ApiClients.Native(workspace), new { email = "by-admin@example.com", role = "editor" });

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(adminEmail, (string?)body["invited_by"]!["email"]);
        Assert.NotEqual(workspace.OwnerUserId, (long)body["invited_by"]!["user_id"]!);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("OWNER")]
    public async Task Create_OwnerRole_Is400AndWritesNothing(string role)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();

        await ErrorAssert.ProblemAsync(await api.InviteAsync(workspace, "usurper@example.com", role), HttpStatusCode.BadRequest);
        Assert.Equal(before, await api.RowCountsAsync());
    }
}
