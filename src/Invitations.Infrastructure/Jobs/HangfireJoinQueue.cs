using Hangfire;
using Invitations.Application.JoinLinks;
using Invitations.Application.JoinLinks.JoinThroughLink;

namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// Queues each join as a Hangfire job: its enqueue is one transaction in the service's database, so a join answered is a join
/// kept, and any node with workers runs it. A job per join suits them: they come one person at a time, rate-limited.
/// </summary>
internal sealed class HangfireJoinQueue(IBackgroundJobClient jobs) : IJoinQueue
{
    public void Submit(JoinThroughLinkCommand join) =>
        jobs.Enqueue<JoinJob>(job => job.RunAsync(join.LinkId.Value, join.Email, join.FirstName, join.LastName, join.Locale, CancellationToken.None));
}
