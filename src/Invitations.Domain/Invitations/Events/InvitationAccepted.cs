using Invitations.Domain.Common;

namespace Invitations.Domain.Invitations.Events;

public sealed record InvitationAccepted(InvitationId InvitationId, long UserId) : IDomainEvent;
