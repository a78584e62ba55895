using Invitations.Application.Invitations;

namespace Invitations.Application.Webhooks.Events;

/// <summary><c>data</c> of <c>invitation.email_failed</c>: one per failed attempt; <see cref="Final"/> when none follows.</summary>
public sealed record EmailFailedEventData(InvitationResponse Invitation, bool Final);
