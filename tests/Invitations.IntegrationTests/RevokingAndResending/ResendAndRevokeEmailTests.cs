using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.RevokingAndResending;

[Collection(ServiceHostCollection.Name)]
public sealed class ResendAndRevokeEmailTests(ServiceHost api)
{
    [Fact]
    public async Task Resend_SendsASecondEmail_WhoseLinkAloneWorks()
    {
        var (workspace, email, id) = await api.EmailedInvitationAsync("resend");
        var first = Assert.Single(await api.Smtp.WaitForMailAsync(email));
        await api.WaitForEmailStatusAsync(workspace, id, "sent");

        var resent = await (await ResendAsync(workspace, id)).ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("queued", (string?)resent["email_status"]);
        Assert.Equal("pending", (string?)resent["status"]);

        var second = (await api.Smtp.WaitForMailAsync(email, 2))[1];
        await api.WaitForEmailStatusAsync(workspace, id, "sent");
        await api.WaitForEmailJobsToSettleAsync();
        Assert.Equal(2, api.Smtp.To(email).Count);
        Assert.NotEqual(first.Message.MessageId, second.Message.MessageId);
        var (oldToken, newToken) = (Mailbox.TokenIn(first), Mailbox.TokenIn(second));
        Assert.NotEqual(oldToken, newToken);

        Assert.Equal(HttpStatusCode.NotFound, (await LookupAsync(oldToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.AcceptAsync(oldToken)).StatusCode);
        await (await LookupAsync(newToken)).ReadJsonAsync(HttpStatusCode.OK);
        await (await api.AcceptAsync(newToken)).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Resend_TwiceWithinAMinute_IsRefusedWithRetryAfter_AndSendsOnlyOnce()
    {
        var (workspace, email, id) = await api.EmailedInvitationAsync("resend");
        await api.Smtp.WaitForMailAsync(email);
        await api.WaitForEmailStatusAsync(workspace, id, "sent");

        await (await ResendAsync(workspace, id)).ReadJsonAsync(HttpStatusCode.Accepted);
        var again = await ResendAsync(workspace, id);

        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.NotNull(again.Headers.RetryAfter);
        await api.WaitForEmailStatusAsync(workspace, id, "sent");
        await api.WaitForEmailJobsToSettleAsync();
        Assert.Equal(2, api.Smtp.To(email).Count);
    }

    [Fact]
    public async Task Revoke_AfterTheEmail_MakesItsLinkShowRevokedAndRefuseToAccept()
    {
        var (workspace, email, id) = await api.EmailedInvitationAsync("resend");
        var token = Mailbox.TokenIn(Assert.Single(await api.Smtp.WaitForMailAsync(email)));
        await api.WaitForEmailStatusAsync(workspace, id, "sent");

        var revoked = await (await api.ClientWithKey(workspace.ApiKey)
                .PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/revoke", null))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("revoked", (string?)revoked["status"]);
        Assert.Equal("revoked", (string?)(await (await LookupAsync(token)).ReadJsonAsync(HttpStatusCode.OK))["status"]);
        Assert.Equal(HttpStatusCode.Conflict, (await api.AcceptAsync(token)).StatusCode);
    }

    [Fact]
    public async Task Resend_OfAnAcceptedInvitation_IsAConflict_AndSendsNothing()
    {
        var (workspace, email, id) = await api.EmailedInvitationAsync("resend");
        var token = Mailbox.TokenIn(Assert.Single(await api.Smtp.WaitForMailAsync(email)));
        await api.WaitForEmailStatusAsync(workspace, id, "sent");
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        var response = await ResendAsync(workspace, id);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await api.WaitForEmailJobsToSettleAsync();
        Assert.Single(api.Smtp.To(email));
    }


    private Task<HttpResponseMessage> ResendAsync(TestWorkspace workspace, Guid id) =>
        api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/resend", null);

    private Task<HttpResponseMessage> LookupAsync(string token) =>
        api.CreateClient().PostAsJsonAsync("/v1/invitations/lookup", new { token });
}
