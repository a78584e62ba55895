using Invitations.Domain.Common;

namespace Invitations.Domain.Invitations.Events;

/// <summary>The invitee declined through the link; <see cref="Reason"/> is theirs to give or not.</summary>
public sealed record InvitationDeclined(InvitationId InvitationId, string? Reason) : IDomainEvent;
