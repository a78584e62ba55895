using System.Net;
using static Invitations.IntegrationTests.Support.WebhookScenario;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>
/// Every writer of an invitation's state reports what it did, rendered by the code that renders the resource: a resend, a
/// create that replaces an overdue invitation, and the email dispatcher while the SMTP server can't be reached.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class EventsFromEveryWriterTests(ServiceHost api) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        api.Smtp.RefuseConnections = false;
        await _receiver.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Resent_IsTheInvitationAsTheResendLeftIt(bool expiredFirst)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.resent");
        var id = await api.InvitationIdAsync(workspace);
        if (expiredFirst)
        {
            await api.ExecuteSqlAsync("UPDATE invitations SET status = 'expired', expires_at = now() - interval '1 hour' WHERE id = @id", ("id", id));
        }

        var resent = await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{id}/resend", null))
            .ReadJsonAsync(HttpStatusCode.Accepted);

        var reported = InvitationOf(await _receiver.EventAsync("invitation.resent", id));
        AssertSameInvitation(resent, reported);
        Assert.Equal("pending", (string?)reported["status"]);
        Assert.True(reported["expires_at"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddDays(6));
    }

    [Fact]
    public async Task CreateThatReplacesAnOverdueInvitation_ReportsThatOneExpired()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.expired", "invitation.created");
        var email = Mailbox.NewAddress("replaced");
        var overdue = await api.InvitationIdAsync(workspace, email);
        await api.ExecuteSqlAsync("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = @id", ("id", overdue));

        var replacement = await api.InvitationIdAsync(workspace, email);

        var expired = InvitationOf(await _receiver.EventAsync("invitation.expired", overdue));
        AssertSameInvitation(await api.GetInvitationAsync(workspace, overdue), expired);
        Assert.Equal("expired", (string?)expired["status"]);
        await _receiver.EventAsync("invitation.created", replacement);
    }

    [Fact]
    public async Task SmtpServerUnreachable_EachFailedAttemptIsReported_TheLastOneAsFinal()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.email_failed");
        api.Smtp.RefuseConnections = true;

        var id = await api.InvitationIdAsync(workspace, Mailbox.NewAddress("unreachable"), sendEmail: true);

        // Email:RetryDelaysSeconds is 1,1 here: three attempts, the third final.
        var failures = await _receiver.WaitForCountAsync(w => InvitationIdOf(w) == id, 3, JobScenario.Patience);
        Assert.Equal([false, false, true], failures.Select(f => f.Json.GetProperty("data").GetProperty("final").GetBoolean()));
        Assert.Equal(["queued", "queued", "failed"], failures.Select(f => (string?)InvitationOf(f)["email_status"]));
        Assert.All(failures, f => Assert.False(string.IsNullOrEmpty((string?)InvitationOf(f)["last_email_error"])));
        AssertSameInvitation(await api.GetInvitationAsync(workspace, id), InvitationOf(failures[^1]));
    }
}
