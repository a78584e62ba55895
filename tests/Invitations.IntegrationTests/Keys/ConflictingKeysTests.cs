using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Keys;

/// <summary>contracts §2: <c>Authorization</c> and <c>x-api-key</c> carrying different keys is a 400 that writes nothing.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class ConflictingKeysTests(ServiceHost api)
{
    [Fact]
    public async Task NativeCreate_WithKeysOfTwoWorkspaces_Is400AndCreatesNothing()
    {
        var (a, b) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());
        var before = await api.RowCountsAsync();

        var response = await TwoKeys(a.ApiKey, b.ApiKey)
            .PostAsJsonAsync(ApiClients.Native(a), new { email = Mailbox.NewAddress("two-keys"), role = "viewer" });

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "conflicting-keys");
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task NativeRevoke_WithKeysOfTwoWorkspaces_Is400AndLeavesItPending()
    {
        var (a, b) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());
        var (invitation, _) = await api.InviteWithTokenAsync(a, Mailbox.NewAddress("revoke-two-keys"));
        var id = invitation["id"]!.GetValue<Guid>();

        var response = await TwoKeys(a.ApiKey, b.ApiKey).PostAsync($"{ApiClients.Native(a)}/{id}/revoke", null);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "conflicting-keys");
        Assert.Equal("pending", (string?)(await api.GetInvitationAsync(a, id))["status"]);
    }

    [Fact]
    public async Task NativeList_WithTwoKeysOfOneWorkspace_Is400()
    {
        var a = await api.CreateWorkspaceAsync();
        var second = await api.MemberKeyAsync(a, "admin");

        var response = await TwoKeys(a.ApiKey, second).GetAsync(ApiClients.Native(a));

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "conflicting-keys");
    }

    [Fact]
    public async Task InviteTeammate_WithKeysOfTwoWorkspaces_Is400InItsShapeAndCreatesNothing()
    {
        var (a, b) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());
        var before = await api.RowCountsAsync();

        var response = await TwoKeys(a.ApiKey, b.ApiKey).PostAsJsonAsync(ApiClients.InviteTeammate, new { email = Mailbox.NewAddress("invite-teammate") });

        var body = await ErrorAssert.InviteTeammateAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("different API keys", (string?)body["message"]);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task WorkspaceInvite_WithKeysOfTwoWorkspaces_Is400InItsShapeAndCreatesNothing()
    {
        var (a, b) = (await api.CreateWorkspaceAsync(), await api.CreateWorkspaceAsync());
        var client = TwoKeys(a.ApiKey, b.ApiKey);
        client.DefaultRequestHeaders.Add("x-workspace-id", a.Id.ToString());
        var before = await api.RowCountsAsync();

        var response = await client.PostAsJsonAsync(ApiClients.WorkspaceInvite(a.Id), new { email = Mailbox.NewAddress("workspace-invite"), role = "viewer" });

        await ErrorAssert.WorkspaceInviteAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task NativeCreate_WithTheSameKeyInBothHeaders_IsAccepted()
    {
        var a = await api.CreateWorkspaceAsync();

        var response = await TwoKeys(a.ApiKey, a.ApiKey)
            .PostAsJsonAsync(ApiClients.Native(a), new { email = Mailbox.NewAddress("same-key"), role = "viewer", send_email = false });

        await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    private HttpClient TwoKeys(string bearer, string apiKey)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        return client;
    }
}
