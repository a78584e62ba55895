using Invitations.Domain.Common;

namespace Invitations.Domain.Invitations.Events;

public sealed record InvitationRevoked(InvitationId InvitationId, long RevokedByUserId) : IDomainEvent;
