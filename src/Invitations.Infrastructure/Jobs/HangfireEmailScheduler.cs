using Hangfire;
using Invitations.Application.Common;
using Invitations.Domain.Invitations;

namespace Invitations.Infrastructure.Jobs;

internal sealed class HangfireEmailScheduler(IBackgroundJobClient jobs) : IEmailScheduler
{
    public string Schedule(InvitationId invitationId, int deliveryVersion) =>
        jobs.Enqueue<SendInvitationEmailJob>(job => job.RunAsync(invitationId.Value, deliveryVersion, null, CancellationToken.None));
}
