using System.Net;
using Invitations.Application.Invitations.SendInvitationEmail;

namespace Invitations.IntegrationTests.Jobs;

/// <summary>
/// Right after a create or resend the row is written again (the job id is recorded once the job is enqueued), often while the
/// job is already sending. Whatever else changes the row meanwhile, one delivery is one email with a working link.
/// </summary>
public sealed class EmailJobConcurrencyTests(SendHookApiFactory api) : IClassFixture<SendHookApiFactory>, IDisposable
{
    public void Dispose() => api.AfterSend = null;

    [Fact]
    public async Task RowWrittenWhileTheEmailIsSent_TheDeliveryStillCountsAsSent_AndItsLinkWorks()
    {
        var (workspace, email, id) = await InviteAsync();
        api.AfterSend = _ => api.ExecuteSqlAsync("UPDATE invitations SET email_job_id = 'recorded-meanwhile' WHERE id = @id", ("id", id));

        Assert.Equal(EmailDeliveryOutcome.Sent, await api.RunEmailJobAsync(id, 1));
        api.AfterSend = null;
        Assert.Equal(EmailDeliveryOutcome.NothingToSend, await api.RunEmailJobAsync(id, 1));

        var message = Assert.Single(api.Smtp.To(email));
        var invitation = await api.GetInvitationAsync(workspace, id);
        Assert.Equal("sent", (string?)invitation["email_status"]);
        Assert.NotNull(invitation["email_sent_at"]);
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ResendWhileTheEmailIsSent_TheOlderDeliveryDoesNotMarkTheNewerSent()
    {
        var (workspace, email, id) = await InviteAsync();
        api.AfterSend = async _ =>
        {
            api.AfterSend = null;
            await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/resend", null))
                .ReadJsonAsync(HttpStatusCode.Accepted);
        };

        await api.RunEmailJobAsync(id, 1);

        Assert.Equal("queued", (string?)(await api.GetInvitationAsync(workspace, id))["email_status"]);
        Assert.Equal(EmailDeliveryOutcome.Sent, await api.RunEmailJobAsync(id, 2));
        var newest = api.Smtp.To(email)[^1];
        await (await api.AcceptAsync(Mailbox.TokenIn(newest))).ReadJsonAsync(HttpStatusCode.OK);
    }

    private async Task<(TestWorkspace Workspace, string Email, Guid Id)> InviteAsync()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("race");
        var created = await (await api.InviteAsync(workspace, email)).ReadJsonAsync(HttpStatusCode.Created);
        return (workspace, email, created["id"]!.GetValue<Guid>());
    }
}
