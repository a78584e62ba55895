using Invitations.Domain.Common;

namespace Invitations.Domain.Invitations.Events;

/// <summary>Pending again, with a fresh lifetime; its new email is owed by an <see cref="InvitationDeliveryRequested"/> beside it.</summary>
public sealed record InvitationResent(InvitationId InvitationId) : IDomainEvent;
