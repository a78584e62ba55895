using System.Globalization;
using System.Net;
using Invitations.Application.Invitations.RepairOwedEmails;
using Invitations.Application.Invitations.SendInvitationEmail;

namespace Invitations.IntegrationTests.Jobs;

/// <summary>
/// The process died between the commit and the enqueue: the row says an email is owed but no job exists.
/// No workers here, so the counts are the repair command's alone.
/// </summary>
public sealed class LostEnqueueRepairTests(NoWorkersApiFactory api) : IClassFixture<NoWorkersApiFactory>
{
    [Fact]
    public async Task Repair_OfALostEnqueue_SchedulesItExactlyOnce()
    {
        await api.SendAsync(new RepairOwedEmailsCommand()); // Whatever earlier tests left owed, so the counts below are ours.
        var id = await InviteAsync();
        var lost = await JobIdAsync(id);
        await LoseEnqueueAsync(id, backdate: true);

        Assert.Equal(1, await api.SendAsync(new RepairOwedEmailsCommand()));

        var jobId = await JobIdAsync(id);
        Assert.False(string.IsNullOrEmpty(jobId));
        Assert.NotEqual(lost, jobId);
        var arguments = await api.ScalarAsync<string>(
            "SELECT arguments::text FROM hangfire.job WHERE id = @job AND statename = 'Enqueued'",
            ("job", long.Parse(jobId!, CultureInfo.InvariantCulture)));
        Assert.Contains(id.ToString(), arguments);

        Assert.Equal(0, await api.SendAsync(new RepairOwedEmailsCommand()));
        Assert.Equal(jobId, await JobIdAsync(id));
    }

    [Fact]
    public async Task Repair_LeavesARecentRequestToItsOwnEnqueue()
    {
        await api.SendAsync(new RepairOwedEmailsCommand());
        var id = await InviteAsync();
        await LoseEnqueueAsync(id, backdate: false);

        Assert.Equal(0, await api.SendAsync(new RepairOwedEmailsCommand()));

        Assert.Null(await JobIdAsync(id));
        await RevokeAsync(id); // So that no later test finds it owed once the grace period is over.
    }

    [Fact]
    public async Task Repair_SkipsInvitationsThatNoLongerOweAnEmail()
    {
        await api.SendAsync(new RepairOwedEmailsCommand());
        var revoked = await InviteAsync();
        await RevokeAsync(revoked);
        var sent = await InviteAsync();
        await api.RunEmailJobAsync(sent, 1);
        var (selfDelivered, _) = await api.InviteWithTokenAsync(await WorkspaceAsync(), Mailbox.NewAddress("self"));
        var owed = await InviteAsync();
        foreach (var id in new[] { revoked, sent, selfDelivered["id"]!.GetValue<Guid>(), owed })
        {
            await LoseEnqueueAsync(id, backdate: true);
        }

        Assert.Equal(1, await api.SendAsync(new RepairOwedEmailsCommand()));

        Assert.NotNull(await JobIdAsync(owed));
        Assert.Null(await JobIdAsync(revoked));
        Assert.Null(await JobIdAsync(sent));
    }

    [Fact]
    public async Task RepairedJob_WhenRun_DeliversAWorkingLink()
    {
        await api.SendAsync(new RepairOwedEmailsCommand());
        var email = Mailbox.NewAddress("repaired");
        var id = await InviteAsync(email);
        await LoseEnqueueAsync(id, backdate: true);
        Assert.Equal(1, await api.SendAsync(new RepairOwedEmailsCommand()));

        Assert.Equal(EmailDeliveryOutcome.Sent, await api.RunEmailJobAsync(id, 1));

        var message = Assert.Single(api.Smtp.To(email));
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }

    private TestWorkspace? _workspace;

    private async Task<TestWorkspace> WorkspaceAsync() => _workspace ??= await api.CreateWorkspaceAsync();

    private async Task<Guid> InviteAsync(string? email = null)
    {
        var created = await (await api.InviteAsync(await WorkspaceAsync(), email ?? Mailbox.NewAddress("owed"))).ReadJsonAsync(HttpStatusCode.Created);
        return created["id"]!.GetValue<Guid>();
    }

    private async Task LoseEnqueueAsync(Guid id, bool backdate)
    {
        if (await JobIdAsync(id) is { } jobId)
        {
            var job = long.Parse(jobId, CultureInfo.InvariantCulture);
            await api.ExecuteSqlAsync("DELETE FROM hangfire.jobqueue WHERE jobid = @job", ("job", job));
            await api.ExecuteSqlAsync("DELETE FROM hangfire.job WHERE id = @job", ("job", job));
        }

        await api.ExecuteSqlAsync(
            "UPDATE invitations SET email_job_id = NULL" + (backdate ? ", email_requested_at = now() - interval '2 minutes'" : "") +
            " WHERE id = @id",
            ("id", id));
    }

    private Task<string?> JobIdAsync(Guid id) =>
        api.ScalarAsync<string?>("SELECT email_job_id FROM invitations WHERE id = @id", ("id", id));

    private async Task RevokeAsync(Guid id)
    {
        var workspace = await WorkspaceAsync();
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/revoke", null))
            .ReadJsonAsync(HttpStatusCode.OK);
    }
}
