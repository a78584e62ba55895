using System.Net;

namespace Invitations.IntegrationTests.EmailDelivery;

/// <summary>
/// People act on an invitation while its email is being sent. A batch being sent holds its invitations (shared lock), so a
/// revoke, accept or resend waits for the batch to be recorded; a claim alone holds nothing, and the sending step re-checks.
/// </summary>
[Collection(ManualHostCollection.Name)]
public sealed class DeliveryInFlightTests(ManualHost api) : IDisposable
{
    private static readonly TimeSpan Blocked = TimeSpan.FromMilliseconds(500);

    public void Dispose() => api.BeforeSend = api.AfterSend = null;

    [Fact]
    public async Task ResendWhileTheEmailIsBeingSent_WaitsForIt_AndOnlyTheNewestLinkWorks()
    {
        var (workspace, email, id) = await api.EmailedInvitationAsync("in-flight");
        Task<HttpResponseMessage>? resend = null;
        api.AfterSend = async _ =>
        {
            api.AfterSend = null;
            resend = api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/resend", null);
            await Task.Delay(Blocked);
            Assert.False(resend.IsCompleted, "The resend did not wait for the batch in flight.");
        };

        await api.DispatchEmailsAsync();
        await (await resend!).ReadJsonAsync(HttpStatusCode.Accepted);
        await api.DispatchEmailsAsync();

        var (first, second) = (api.Smtp.To(email)[0], api.Smtp.To(email)[1]);
        await ErrorAssert.ProblemAsync(await api.AcceptAsync(Mailbox.TokenIn(first)), HttpStatusCode.NotFound);
        await (await api.AcceptAsync(Mailbox.TokenIn(second))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, api.Smtp.To(email).Count);
    }

    [Fact]
    public async Task RevokeWhileTheEmailIsBeingSent_ReturnsOnlyOnceTheEmailIsOut()
    {
        var (workspace, email, id) = await api.EmailedInvitationAsync("in-flight");
        Task<HttpResponseMessage>? revoke = null;
        api.BeforeSend = async _ =>
        {
            api.BeforeSend = null;
            revoke = api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/revoke", null);
            await Task.Delay(Blocked);
            Assert.False(revoke.IsCompleted, "The revoke returned while its email was still to be sent.");
        };

        await api.DispatchEmailsAsync();
        var receivedBeforeRevokeReturned = api.Smtp.To(email).Count;
        await (await revoke!).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, receivedBeforeRevokeReturned);
        Assert.Equal("revoked", (string?)(await api.GetInvitationAsync(workspace, id))["status"]);
    }

    [Fact]
    public async Task RevokeWhileTheEmailIsClaimed_IsNotHeldUp_AndNothingIsSentAfterIt()
    {
        var (workspace, email, id) = await api.EmailedInvitationAsync("in-flight");
        await api.ExecuteSqlAsync(
            "UPDATE invitation_deliveries SET locked_until = now() + interval '1 minute' WHERE invitation_id = @id", ("id", id));

        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/revoke", null))
            .ReadJsonAsync(HttpStatusCode.OK);
        await api.ExecuteSqlAsync("UPDATE invitation_deliveries SET locked_until = now() - interval '1 second' WHERE invitation_id = @id", ("id", id));
        await api.DispatchEmailsAsync();

        Assert.Empty(api.Smtp.To(email));
    }

    [Fact]
    public async Task AcceptWhileTheEmailIsBeingSent_WaitsForIt_AndTheEmailCountsAsSent()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("accept-in-flight");
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, email);
        var id = invitation["id"]!.GetValue<Guid>();
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/resend", null))
            .ReadJsonAsync(HttpStatusCode.Accepted);
        Task<HttpResponseMessage>? accept = null;
        api.AfterSend = async message =>
        {
            api.AfterSend = null;
            accept = api.AcceptAsync(Mailbox.TokenInText(message.TextBody));
            await Task.Delay(Blocked);
            Assert.False(accept.IsCompleted, "The accept did not wait for the batch in flight.");
        };

        await api.DispatchEmailsAsync();
        await (await accept!).ReadJsonAsync(HttpStatusCode.OK);

        var accepted = await api.GetInvitationAsync(workspace, id);
        Assert.Equal(("accepted", "sent"), ((string?)accepted["status"], (string?)accepted["email_status"]));
        await ErrorAssert.ProblemAsync(await api.AcceptAsync(token), HttpStatusCode.NotFound);
    }
}
