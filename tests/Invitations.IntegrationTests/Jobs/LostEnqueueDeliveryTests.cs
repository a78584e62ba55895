using System.Net;
using Hangfire;
using Invitations.Application.Invitations.RepairOwedEmails;
using Invitations.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.IntegrationTests.Jobs;

/// <summary>With workers running, a repaired enqueue really delivers: the invitee gets a working link.</summary>
public sealed class LostEnqueueDeliveryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task RepairCommand_OfAnOwedEmailWithNoJob_GetsTheEmailDelivered()
    {
        var (workspace, email, id) = await OwedEmailWithoutJobAsync();

        await api.SendAsync(new RepairOwedEmailsCommand());

        await DeliveredAndAcceptsAsync(workspace, email, id);
    }

    [Fact]
    public async Task RecurringRepairJob_WhenTriggered_GetsTheEmailDelivered()
    {
        var (workspace, email, id) = await OwedEmailWithoutJobAsync();

        await api.InScopeAsync(services =>
        {
            services.GetRequiredService<IRecurringJobManager>().Trigger(MaintenanceJobs.RepairId);
            return Task.FromResult(0);
        });

        await DeliveredAndAcceptsAsync(workspace, email, id);
    }

    /// <summary>
    /// Makes the state a crash leaves: committed with an email owed for 2 minutes, and no job. It starts as a self-delivered
    /// invitation so that no worker can send it before the test has made it owed.
    /// </summary>
    private async Task<(TestWorkspace Workspace, string Email, Guid Id)> OwedEmailWithoutJobAsync()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("lost");
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, email);
        var id = invitation["id"]!.GetValue<Guid>();
        await api.ExecuteSqlAsync(
            "UPDATE invitations SET email_status = 'queued', delivery_version = delivery_version + 1, " +
            "email_requested_at = now() - interval '2 minutes', email_job_id = NULL WHERE id = @id",
            ("id", id));
        Assert.Equal("queued", (string?)(await api.GetInvitationAsync(workspace, id))["email_status"]);
        return (workspace, email, id);
    }

    private async Task DeliveredAndAcceptsAsync(TestWorkspace workspace, string email, Guid id)
    {
        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email));
        var sent = await api.WaitForEmailStatusAsync(workspace, id, "sent");
        Assert.NotNull(sent["email_sent_at"]);
        await api.WaitForEmailJobsToSettleAsync();
        Assert.Single(api.Smtp.To(email));
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }
}
