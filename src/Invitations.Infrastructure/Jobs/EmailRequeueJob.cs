using System.ComponentModel;
using Hangfire;
using Invitations.Domain.Invitations;
using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Infrastructure.Jobs;

/// <summary>Requeued from the dashboard: the failed email is owed again, with a fresh set of attempts.</summary>
[AutomaticRetry(Attempts = 0)] // created failed on purpose: Hangfire's retry filter must leave it so
public sealed class EmailRequeueJob(InvitationsDbContext db, EmailDispatchSignal signal, TimeProvider clock)
{
    [DisplayName("Email for invitation {0} (delivery {1}) failed for good; requeue to send it again")]
    public async Task<string> RequeueAsync(Guid invitationId, int number, CancellationToken cancellationToken)
    {
        var owedAgain = await db.InvitationDeliveries
            .Where(d => d.InvitationId == new InvitationId(invitationId) && d.Number == number && d.Status == DeliveryStatus.Failed)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(d => d.Status, DeliveryStatus.Pending)
                    .SetProperty(d => d.Attempts, 0)
                    .SetProperty(d => d.CreatedAt, clock.GetUtcNow())
                    .SetProperty(d => d.NextAttemptAt, clock.GetUtcNow()),
                cancellationToken);
        if (owedAgain > 0)
        {
            signal.Notify();
        }

        return owedAgain > 0 ? "owed again" : "nothing to do: no longer failed";
    }
}
