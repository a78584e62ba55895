using Invitations.Application.Invitations;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Invitations.Events;
using Invitations.Domain.Webhooks;

namespace Invitations.Application.Webhooks.Events;

/// <summary>What subscribers see of an invitation's changes: each domain event's webhook event, rendered from the aggregate.</summary>
public static class InvitationWebhookEvents
{
    /// <summary>The webhook event <paramref name="change"/> owes, with <paramref name="invitation"/> as it is after it; null for none.</summary>
    public static OwedEvent? Of(IDomainEvent change, Invitation invitation, EmailState? email, DateTimeOffset now)
    {
        var resource = InvitationResponse.From(invitation, email, now);
        var (type, data) = change switch
        {
            InvitationCreated => (WebhookEventTypes.Created, new InvitationEventData(resource)),
            InvitationResent => (WebhookEventTypes.Resent, new InvitationEventData(resource)),
            InvitationAccepted accepted => (WebhookEventTypes.Accepted, new AcceptedEventData(resource, new AcceptedMember(accepted.UserId, resource.Metadata))),
            InvitationDeclined declined => (WebhookEventTypes.Declined, new DeclinedEventData(resource, declined.Reason)),
            InvitationRevoked => (WebhookEventTypes.Revoked, new InvitationEventData(resource)),
            InvitationExpired => (WebhookEventTypes.Expired, (object)new InvitationEventData(resource)),
            _ => (null, null),
        };
        return type is null ? null : new OwedEvent(invitation.WorkspaceId, type, data!);
    }

    /// <summary>An email attempt's outcome: sent, or failed (<paramref name="final"/> when no attempt follows).</summary>
    public static OwedEvent EmailOutcome(Invitation invitation, EmailState email, bool final, DateTimeOffset now)
    {
        var resource = InvitationResponse.From(invitation, email, now);
        return email.Status == DeliveryStatus.Sent
            ? new OwedEvent(invitation.WorkspaceId, WebhookEventTypes.EmailSent, new InvitationEventData(resource))
            : new OwedEvent(invitation.WorkspaceId, WebhookEventTypes.EmailFailed, new EmailFailedEventData(resource, final));
    }
}
