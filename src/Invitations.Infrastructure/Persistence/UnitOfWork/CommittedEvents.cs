using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations.Events;
using Invitations.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;

namespace Invitations.Infrastructure.Persistence.UnitOfWork;

/// <summary>
/// What a commit sets off, without I/O: owed emails and webhooks wake this node's dispatchers, and the changes are counted
/// and logged. If the process dies first, the rows are still owed and the recurring dispatch finds them.
/// </summary>
public sealed partial class CommittedEvents(
    EmailDispatchSignal emails, WebhookDispatchSignal webhooks, InvitationMetrics metrics, ILogger<CommittedEvents> logger)
{
    public void Dispatch(IReadOnlyList<IDomainEvent> events, bool emailsOwed, bool webhooksOwed)
    {
        if (emailsOwed)
        {
            emails.Notify();
        }

        if (webhooksOwed)
        {
            webhooks.Notify();
        }

        foreach (var change in events)
        {
            switch (change)
            {
                case InvitationCreated:
                    metrics.Created();
                    break;
                case InvitationAccepted accepted:
                    metrics.Accepted();
                    Accepted(logger, accepted.InvitationId.Value, accepted.UserId);
                    break;
                case InvitationRevoked revoked:
                    Revoked(logger, revoked.InvitationId.Value, revoked.RevokedByUserId);
                    break;
                case InvitationDeclined declined:
                    Declined(logger, declined.InvitationId.Value);
                    break;
                case InvitationExpired:
                    metrics.Expired(1);
                    break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} accepted by user {UserId}")]
    private static partial void Accepted(ILogger logger, Guid invitationId, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} declined by the invitee")]
    private static partial void Declined(ILogger logger, Guid invitationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} revoked by user {UserId}")]
    private static partial void Revoked(ILogger logger, Guid invitationId, long userId);
}
