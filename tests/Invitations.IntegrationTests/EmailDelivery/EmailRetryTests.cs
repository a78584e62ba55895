using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.IntegrationTests.EmailDelivery;

/// <summary>Retries are configured as 2 retries 1 s apart; the SMTP server is switched into failure modes per test.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class EmailRetryTests(ServiceHost api) : IDisposable
{
    public const string RefuseConnections = "refuse-connections";
    public const string RejectData = "reject-data";

    public void Dispose() => Heal();

    [Theory]
    [InlineData(RefuseConnections)]
    [InlineData(RejectData)]
    public async Task TransientFailure_IsRetried_AndTheEmailArrivesOnce(string failure)
    {
        Break(failure);
        var (workspace, email, id) = await api.EmailedInvitationAsync("retry");

        var failing = await api.WaitForInvitationAsync(workspace, id, i => i["last_email_error"] is not null, "a delivery error");
        Assert.Equal("queued", (string?)failing["email_status"]);
        Assert.Null(failing["email_sent_at"]);
        Assert.Empty(api.Smtp.To(email));
        Heal();

        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email));
        var sent = await api.WaitForEmailStatusAsync(workspace, id, "sent");
        Assert.Null(sent["last_email_error"]);
        Assert.NotNull(sent["email_sent_at"]);
        await api.WaitForEmailJobsToSettleAsync();
        Assert.Single(api.Smtp.To(email));
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(RefuseConnections)]
    [InlineData(RejectData)]
    public async Task FailureOnEveryAttempt_MarksTheEmailFailed_WithTheLastError(string failure)
    {
        Break(failure);
        var (workspace, email, id) = await api.EmailedInvitationAsync("retry");

        var failed = await api.WaitForEmailStatusAsync(workspace, id, "failed");

        Assert.False(string.IsNullOrWhiteSpace((string?)failed["last_email_error"]));
        Assert.Null(failed["email_sent_at"]);
        Assert.Equal("pending", (string?)failed["status"]);
        await api.WaitForEmailJobsToSettleAsync();
        Assert.Empty(api.Smtp.To(email));
    }

    [Fact]
    public async Task FailedEmail_ResentOnceTheServerIsBack_ArrivesAndClearsTheError()
    {
        Break(RefuseConnections);
        var (workspace, email, id) = await api.EmailedInvitationAsync("retry");
        await api.WaitForEmailStatusAsync(workspace, id, "failed");
        await api.WaitForEmailJobsToSettleAsync();
        Heal();

        var resent = await (await api.ClientWithKey(workspace.ApiKey)
                .PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/resend", null))
            .ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("queued", (string?)resent["email_status"]);
        Assert.Null(resent["last_email_error"]);

        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email));
        var sent = await api.WaitForEmailStatusAsync(workspace, id, "sent");
        Assert.Null(sent["last_email_error"]);
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EmailFailedForGood_IsAFailedJobOnTheDashboard_WhoseRequeueSendsIt()
    {
        Break(RejectData);
        var (workspace, email, id) = await api.EmailedInvitationAsync("retry");
        await api.WaitForEmailStatusAsync(workspace, id, "failed");
        var jobId = await WaitForFailedJobAsync(id);
        Heal();

        await api.InScopeAsync(services => Task.FromResult(services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId)));

        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email));
        var sent = await api.WaitForEmailStatusAsync(workspace, id, "sent");
        Assert.Null(sent["last_email_error"]);
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }

    private async Task<string> WaitForFailedJobAsync(Guid invitationId)
    {
        var deadline = DateTime.UtcNow + JobScenario.Patience;
        while (true)
        {
            var id = await api.ScalarAsync<long>(
                "SELECT coalesce(max(id), 0) FROM hangfire.job WHERE statename = 'Failed' AND strpos(arguments::text, @id) > 0",
                ("id", invitationId.ToString()));
            if (id > 0)
            {
                return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            Assert.True(DateTime.UtcNow < deadline, "No failed job for the email that failed for good.");
            await Task.Delay(100);
        }
    }

    private void Heal() => (api.Smtp.RefuseConnections, api.Smtp.RejectData) = (false, false);

    private void Break(string failure)
    {
        api.Smtp.RefuseConnections = failure == RefuseConnections;
        api.Smtp.RejectData = failure == RejectData;
    }
}
