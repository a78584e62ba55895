using Invitations.Domain.Common;

namespace Invitations.Domain.Invitations;

/// <summary>An email is owed for <paramref name="DeliveryVersion"/>; raised on create and on every resend.</summary>
public sealed record InvitationEmailRequested(InvitationId InvitationId, int DeliveryVersion) : IDomainEvent;

public sealed record InvitationAccepted(InvitationId InvitationId, long UserId) : IDomainEvent;

public sealed record InvitationRevoked(InvitationId InvitationId, long RevokedByUserId) : IDomainEvent;
