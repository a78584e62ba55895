using Invitations.Application.Invitations;

namespace Invitations.Application.Webhooks.Events;

/// <summary><c>data</c> of <c>invitation.declined</c>: the invitation and the reason the invitee gave (null for none).</summary>
public sealed record DeclinedEventData(InvitationResponse Invitation, string? Reason);
