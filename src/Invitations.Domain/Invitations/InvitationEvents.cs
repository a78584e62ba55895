using Invitations.Domain.Common;

namespace Invitations.Domain.Invitations;

/// <summary>A new link is given out (by email on create and every resend, or to the caller); its row is saved with the change.</summary>
public sealed record InvitationDeliveryRequested(InvitationDelivery Delivery) : IDomainEvent;

public sealed record InvitationAccepted(InvitationId InvitationId, long UserId) : IDomainEvent;

public sealed record InvitationRevoked(InvitationId InvitationId, long RevokedByUserId) : IDomainEvent;
