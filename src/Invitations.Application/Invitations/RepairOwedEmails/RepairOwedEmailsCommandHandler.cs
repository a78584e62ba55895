using Invitations.Application.Common;
using Invitations.Domain.Invitations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations.RepairOwedEmails;

internal sealed class RepairOwedEmailsCommandHandler(IInvitationsDbContext db, IEmailScheduler scheduler, TimeProvider clock)
    : IRequestHandler<RepairOwedEmailsCommand, int>
{
    public async Task<int> Handle(RepairOwedEmailsCommand command, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - RepairOwedEmailsCommand.Grace;
        var owed = await db.Invitations.AsNoTracking()
            .Where(i => i.EmailStatus == EmailStatus.Queued && i.EmailJobId == null
                && i.Status == InvitationStatus.Pending && i.EmailRequestedAt < cutoff)
            .OrderBy(i => i.EmailRequestedAt)
            .Select(i => new { i.Id, i.DeliveryVersion })
            .Take(command.BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var email in owed)
        {
            var jobId = scheduler.Schedule(email.Id, email.DeliveryVersion);
            await db.Invitations
                .Where(i => i.Id == email.Id && i.DeliveryVersion == email.DeliveryVersion)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.EmailJobId, jobId), cancellationToken);
        }

        return owed.Count;
    }
}
