using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Declining;

/// <summary>The invitee says no through the link alone (contract §11): final, reported, and the link is spent.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class DeclineTests(ServiceHost api)
{
    [Fact]
    public async Task Decline_WithReason_ShowsDeclinedWithWhenAndWhy_AndTheLinkOpensNothingMore()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "no-thanks@example.com");

        var answer = await (await api.DeclineAsync(token, "  Wrong team, sorry  ")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("""{"status":"declined"}""", answer.ToJsonString());
        var declined = await api.GetInvitationAsync(workspace, invitation["id"]!.GetValue<Guid>());
        Assert.Equal("declined", (string?)declined["status"]);
        Assert.Equal("Wrong team, sorry", (string?)declined["decline_reason"]);
        Assert.True(declined["declined_at"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal("declined", (string?)(await (await api.LookupAsync(token)).ReadJsonAsync(HttpStatusCode.OK))["status"]);
        var accept = await ErrorAssert.ProblemAsync(await api.AcceptAsync(token), HttpStatusCode.Conflict, "not-pending");
        Assert.Equal("declined", (string?)accept["invitation_status"]);
        await ErrorAssert.ProblemAsync(await api.DeclineAsync(token), HttpStatusCode.Conflict, "not-pending");
        Assert.Single(await api.MembersAsync(workspace)); // the owner alone
    }

    [Fact]
    public async Task Decline_WithoutBlock_LeavesTheAddressInvitable_AndListsNoOptOut()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (_, token) = await api.InviteWithTokenAsync(workspace, "maybe-later@example.com");
        await (await api.DeclineAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        var again = await (await api.InviteAsync(workspace, "Maybe-Later@example.com", sendEmail: false)).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("pending", (string?)again["status"]);
        Assert.Empty(await api.OptOutListAsync(workspace));
    }

    [Fact]
    public async Task Resend_OfADeclinedInvitation_IsNotPending()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "declined-resend@example.com");
        await (await api.DeclineAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        var resend = await api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}/resend", null);

        var problem = await ErrorAssert.ProblemAsync(resend, HttpStatusCode.Conflict, "not-pending");
        Assert.Equal("declined", (string?)problem["invitation_status"]);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM invitation_deliveries"));
    }

    [Fact]
    public async Task Decline_OfAnExpiredInvitation_IsGone_AndChangesNothing()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "too-late@example.com");
        await api.ExecuteSqlAsync("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = @id", ("id", invitation["id"]!.GetValue<Guid>()));

        await ErrorAssert.ProblemAsync(await api.DeclineAsync(token, "late", block: true), HttpStatusCode.Gone, "expired");

        Assert.Equal("expired", (string?)(await api.GetInvitationAsync(workspace, invitation["id"]!.GetValue<Guid>()))["status"]);
        Assert.Empty(await api.OptOutListAsync(workspace));
    }

    [Theory]
    [InlineData("accepted")]
    [InlineData("revoked")]
    public async Task Decline_OfAnInvitationNoLongerPending_IsAConflictNamingItsStatus(string status)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, $"{status}@example.com");
        _ = status == "accepted"
            ? await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK)
            : await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}/revoke", null))
                .ReadJsonAsync(HttpStatusCode.OK);

        var problem = await ErrorAssert.ProblemAsync(await api.DeclineAsync(token, block: true), HttpStatusCode.Conflict, "not-pending");

        Assert.Equal(status, (string?)problem["invitation_status"]);
        Assert.Equal(status, (string?)(await api.GetInvitationAsync(workspace, invitation["id"]!.GetValue<Guid>()))["status"]);
        Assert.Empty(await api.OptOutListAsync(workspace));
    }

    [Fact]
    public async Task Decline_WithAnUnknownToken_IsNotFound()
    {
        await ErrorAssert.ProblemAsync(await api.DeclineAsync("q2HrVw3tQ8m1cJX5yN0bZk7uP4aL9sE6dF-gH_iJ0Kw"), HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData(501, "")]
    [InlineData(10, "\n")]
    [InlineData(10, "\u0000")]
    public async Task Decline_WithAReasonTooLongOrWithControlCharacters_IsRefusedAndChangesNothing(int length, string control)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "picky@example.com");
        var before = await api.RowCountsAsync();

        var problem = await ErrorAssert.ProblemAsync(
            await api.DeclineAsync(token, new string('é', length) + control, block: true), HttpStatusCode.BadRequest, "validation");

        Assert.Contains("reason", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await api.RowCountsAsync());
        Assert.Equal("pending", (string?)(await api.GetInvitationAsync(workspace, invitation["id"]!.GetValue<Guid>()))["status"]);
        Assert.Empty(await api.OptOutListAsync(workspace));
    }

    [Fact]
    public async Task Decline_WithA500CharacterReason_IsKeptWhole()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "wordy@example.com");
        var reason = string.Concat(Enumerable.Repeat("😀", 500));

        await (await api.DeclineAsync(token, reason)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(reason, (string?)(await api.GetInvitationAsync(workspace, invitation["id"]!.GetValue<Guid>()))["decline_reason"]);
    }
}
