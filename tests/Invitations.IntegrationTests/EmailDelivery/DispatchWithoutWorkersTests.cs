using System.Net;

namespace Invitations.IntegrationTests.EmailDelivery;

/// <summary>No Hangfire workers: the test runs the dispatch itself, against the real SMTP server, at the moment it chooses.</summary>
[Collection(ManualHostCollection.Name)]
public sealed class DispatchWithoutWorkersTests(ManualHost api) : IDisposable
{
    public void Dispose() => api.Smtp.RefuseConnections = false;

    [Fact]
    public async Task Create_OwesOneDeliveryRowInItsOwnTransaction_AndQueuesNoJobCarryingIt()
    {
        var (_, _, id) = await api.EmailedInvitationAsync("direct");

        Assert.Equal(1L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM invitation_deliveries WHERE invitation_id = @id AND number = 1 AND status = 'pending'", ("id", id)));
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE '%' || @id || '%'", ("id", id.ToString())));
    }

    [Fact]
    public async Task Revoked_BeforeTheDispatch_SendsNothing()
    {
        var (workspace, email, id) = await api.EmailedInvitationAsync("direct");
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/revoke", null))
            .ReadJsonAsync(HttpStatusCode.OK);

        await api.DispatchEmailsAsync();

        Assert.Empty(api.Smtp.To(email));
        Assert.Equal("cancelled", await api.ScalarAsync<string>("SELECT status FROM invitation_deliveries WHERE invitation_id = @id", ("id", id)));
        Assert.Equal("revoked", (string?)(await api.GetInvitationAsync(workspace, id))["status"]);
    }

    [Fact]
    public async Task Dispatch_SendsOnce_AndARepeatedDispatchSendsNothing()
    {
        var (workspace, email, id) = await api.EmailedInvitationAsync("direct");

        await api.DispatchEmailsAsync();
        await api.DispatchEmailsAsync();

        var message = Assert.Single(api.Smtp.To(email));
        Assert.Equal("sent", (string?)(await api.GetInvitationAsync(workspace, id))["email_status"]);
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SupersededDelivery_AfterAResend_IsNotSent_AndTheNewOneIs()
    {
        var (workspace, email, id) = await api.EmailedInvitationAsync("direct");
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/resend", null))
            .ReadJsonAsync(HttpStatusCode.Accepted);

        await api.DispatchEmailsAsync();

        var message = Assert.Single(api.Smtp.To(email));
        Assert.EndsWith("-2@invitations>", message.Message.Headers["Message-Id"], StringComparison.Ordinal);
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SelfDeliveredInvitation_IsNeverEmailed()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("self");
        var (_, token) = await api.InviteWithTokenAsync(workspace, email);

        await api.DispatchEmailsAsync();

        Assert.Empty(api.Smtp.To(email));
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ServerUnreachable_IsAFailedAttempt_AsTheBackOffSpacesThem_ThenFailed()
    {
        var (workspace, email, id) = await api.EmailedInvitationAsync("direct");
        api.Smtp.RefuseConnections = true;

        var report = await api.DispatchEmailsAsync();

        Assert.NotNull(report.ConnectionError);
        var retrying = await api.GetInvitationAsync(workspace, id);
        Assert.Equal("queued", (string?)retrying["email_status"]);
        Assert.False(string.IsNullOrEmpty((string?)retrying["last_email_error"]));
        Assert.Equal(1, await AttemptsAsync(id));

        // Not due again before its back-off (1 s here) ends; then the second attempt, and after another second the last one.
        await api.DispatchEmailsAsync();
        Assert.Equal(1, await AttemptsAsync(id));
        api.FakeClock.Advance(TimeSpan.FromSeconds(1));
        await api.DispatchEmailsAsync();
        Assert.Equal(2, await AttemptsAsync(id));
        api.FakeClock.Advance(TimeSpan.FromSeconds(1));
        await api.DispatchEmailsAsync();
        var failed = await api.GetInvitationAsync(workspace, id);
        Assert.Equal("failed", (string?)failed["email_status"]);
        Assert.False(string.IsNullOrEmpty((string?)failed["last_email_error"]));
        Assert.Equal(3, await AttemptsAsync(id));
        Assert.Empty(api.Smtp.To(email));
    }

    private Task<int> AttemptsAsync(Guid id) =>
        api.ScalarAsync<int>("SELECT attempts FROM invitation_deliveries WHERE invitation_id = @id", ("id", id));
}
