using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// Runs after a commit. Enqueues owed emails and records the job id on the row; if the process dies before
/// that, the row still says an email is owed and the repair job enqueues it.
/// </summary>
public sealed class DomainEventDispatcher(IEmailScheduler scheduler, ILogger<DomainEventDispatcher> logger)
{
    internal async Task DispatchAsync(InvitationsDbContext db, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var domainEvent in events)
        {
            switch (domainEvent)
            {
                case InvitationEmailRequested owed:
                    var jobId = scheduler.Schedule(owed.InvitationId, owed.DeliveryVersion);
                    await db.Invitations
                        .Where(i => i.Id == owed.InvitationId && i.DeliveryVersion == owed.DeliveryVersion)
                        .ExecuteUpdateAsync(set => set.SetProperty(i => i.EmailJobId, jobId), cancellationToken);
                    break;
                case InvitationAccepted accepted:
                    logger.LogInformation("Invitation {InvitationId} accepted by user {UserId}", accepted.InvitationId, accepted.UserId);
                    break;
                case InvitationRevoked revoked:
                    logger.LogInformation("Invitation {InvitationId} revoked by user {UserId}", revoked.InvitationId, revoked.RevokedByUserId);
                    break;
            }
        }
    }
}
