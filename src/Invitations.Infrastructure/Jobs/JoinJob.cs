using System.ComponentModel;
using Hangfire;
using Invitations.Application.JoinLinks.JoinThroughLink;
using Invitations.Domain.JoinLinks;
using MediatR;

namespace Invitations.Infrastructure.Jobs;

/// <summary>
/// One queued join (contract §13), made into an invitation through MediatR. Its result on the dashboard says what came of it.
/// A rule that says no is an outcome, not a failure; a failure (the database away) is retried, and a retry of a join that
/// already made its invitation makes nothing more (the address is then pending).
/// </summary>
[AutomaticRetry(Attempts = 5)]
public sealed class JoinJob(IMediator mediator)
{
    [DisplayName("Join through link {0}")]
    public async Task<string> RunAsync(
        Guid linkId, string email, string? firstName, string? lastName, string? locale, CancellationToken cancellationToken) =>
        (await mediator.Send(new JoinThroughLinkCommand(new JoinLinkId(linkId), email, firstName, lastName, locale), cancellationToken)).ToString();
}
