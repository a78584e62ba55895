using Invitations.Application.Invitations;

namespace Invitations.Application.Webhooks.Events;

/// <summary><c>data</c> of most invitation events: the invitation as GET shows it.</summary>
public sealed record InvitationEventData(InvitationResponse Invitation);
