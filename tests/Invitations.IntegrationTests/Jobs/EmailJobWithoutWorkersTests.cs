using System.Net;
using Invitations.Application.Common;
using Invitations.Application.Invitations.SendInvitationEmail;
using Invitations.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.IntegrationTests.Jobs;

/// <summary>No Hangfire workers: the test runs the email job itself, against the real SMTP server, at the moment it chooses.</summary>
public sealed class EmailJobWithoutWorkersTests(NoWorkersApiFactory api) : IClassFixture<NoWorkersApiFactory>, IDisposable
{
    public void Dispose() => api.Smtp.RefuseConnections = false;

    [Fact]
    public async Task Revoked_BeforeTheJobRuns_SendsNothing()
    {
        var (workspace, email, id) = await InviteAsync();
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/revoke", null))
            .ReadJsonAsync(HttpStatusCode.OK);

        await api.InScopeAsync(async services =>
        {
            await ActivatorUtilities.CreateInstance<SendInvitationEmailJob>(services).RunAsync(id, 1, null, CancellationToken.None);
            return 0;
        });

        Assert.Equal(EmailDeliveryOutcome.NothingToSend, await api.RunEmailJobAsync(id, 1));
        Assert.Empty(api.Smtp.To(email));
        Assert.Equal("revoked", (string?)(await api.GetInvitationAsync(workspace, id))["status"]);
    }

    [Fact]
    public async Task Job_SendsOnce_AndARepeatedRunSendsNothing()
    {
        var (workspace, email, id) = await InviteAsync();

        Assert.Equal(EmailDeliveryOutcome.Sent, await api.RunEmailJobAsync(id, 1));
        Assert.Equal(EmailDeliveryOutcome.NothingToSend, await api.RunEmailJobAsync(id, 1));

        var message = Assert.Single(api.Smtp.To(email));
        Assert.Equal("sent", (string?)(await api.GetInvitationAsync(workspace, id))["email_status"]);
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SupersededDelivery_AfterAResend_IsNotSent_AndTheNewOneIs()
    {
        var (workspace, email, id) = await InviteAsync();
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/resend", null))
            .ReadJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(EmailDeliveryOutcome.NothingToSend, await api.RunEmailJobAsync(id, 1));
        Assert.Empty(api.Smtp.To(email));
        Assert.Equal(EmailDeliveryOutcome.Sent, await api.RunEmailJobAsync(id, 2));

        var message = Assert.Single(api.Smtp.To(email));
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SelfDeliveredInvitation_IsNeverEmailed()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("self");
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, email);
        var id = invitation["id"]!.GetValue<Guid>();

        Assert.Equal(EmailDeliveryOutcome.NothingToSend, await api.RunEmailJobAsync(id, 0));
        Assert.Equal(EmailDeliveryOutcome.NothingToSend, await api.RunEmailJobAsync(id, 1));

        Assert.Empty(api.Smtp.To(email));
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FailedAttempt_IsThrownForARetryUntilTheFinalOne_WhichRecordsFailed()
    {
        var (workspace, email, id) = await InviteAsync();
        api.Smtp.RefuseConnections = true;

        await Assert.ThrowsAsync<EmailDeliveryException>(() => api.InScopeAsync(async services =>
        {
            await ActivatorUtilities.CreateInstance<SendInvitationEmailJob>(services).RunAsync(id, 1, null, CancellationToken.None);
            return 0;
        }));
        var retrying = await api.GetInvitationAsync(workspace, id);
        Assert.Equal("queued", (string?)retrying["email_status"]);
        Assert.False(string.IsNullOrEmpty((string?)retrying["last_email_error"]));

        Assert.Equal(EmailDeliveryOutcome.Failed, await api.RunEmailJobAsync(id, 1, finalAttempt: true));
        var failed = await api.GetInvitationAsync(workspace, id);
        Assert.Equal("failed", (string?)failed["email_status"]);
        Assert.False(string.IsNullOrEmpty((string?)failed["last_email_error"]));
        Assert.Empty(api.Smtp.To(email));
    }

    [Fact]
    public async Task Create_EnqueuesOneJobCarryingOnlyIds_AndRecordsItsId()
    {
        var (_, _, id) = await InviteAsync();

        var jobId = await api.ScalarAsync<string>("SELECT email_job_id FROM invitations WHERE id = @id", ("id", id));
        Assert.False(string.IsNullOrEmpty(jobId));
        var arguments = await api.ScalarAsync<string>(
            "SELECT arguments::text FROM hangfire.job WHERE id = @job AND statename = 'Enqueued'", ("job", long.Parse(jobId!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(id.ToString(), arguments);
    }

    private async Task<(TestWorkspace Workspace, string Email, Guid Id)> InviteAsync()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("direct");
        var created = await (await api.InviteAsync(workspace, email)).ReadJsonAsync(HttpStatusCode.Created);
        return (workspace, email, created["id"]!.GetValue<Guid>());
    }
}
