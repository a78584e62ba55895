using System.ComponentModel;
using Hangfire;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using Invitations.Application.Invitations.RepairOwedEmails;
using MediatR;

namespace Invitations.Infrastructure.Jobs;

public sealed class MaintenanceJobs(IMediator mediator)
{
    public const string ExpireId = "expire-invitations";
    public const string RepairId = "repair-owed-emails";

    [DisplayName("Expire overdue invitations")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<int> ExpireAsync(CancellationToken cancellationToken) =>
        mediator.Send(new ExpireOverdueInvitationsCommand(), cancellationToken);

    [DisplayName("Enqueue owed invitation emails")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<int> RepairAsync(CancellationToken cancellationToken) =>
        mediator.Send(new RepairOwedEmailsCommand(), cancellationToken);
}
