using System.ComponentModel;
using Hangfire;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using MediatR;

namespace Invitations.Infrastructure.Jobs;

public sealed class MaintenanceJobs(IMediator mediator)
{
    public const string ExpireId = "expire-invitations";

    [DisplayName("Expire overdue invitations")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // the next occurrence is the retry
    public Task<int> ExpireAsync(CancellationToken cancellationToken) =>
        mediator.Send(new ExpireOverdueInvitationsCommand(), cancellationToken);
}
