using Invitations.Domain.Common;

namespace Invitations.Domain.Invitations.Events;

public sealed record InvitationCreated(InvitationId InvitationId) : IDomainEvent;
