using System.ComponentModel;
using Hangfire;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using MediatR;

namespace Invitations.Infrastructure.Jobs;

public sealed class MaintenanceJobs(IMediator mediator, WebhookDispatchSignal webhooks)
{
    public const string ExpireId = "expire-invitations";

    [DisplayName("Expire overdue invitations")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // the next occurrence is the retry
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var expired = await mediator.Send(new ExpireOverdueInvitationsCommand(), cancellationToken);
        if (expired > 0)
        {
            webhooks.Notify(); // the sweep's statements wrote invitation.expired events
        }

        return expired;
    }
}
