using Invitations.Domain.Common;

namespace Invitations.Domain.Invitations.Events;

/// <summary>A new link is given out (by email on create and every resend, or to the caller); its row is saved with the change.</summary>
public sealed record InvitationDeliveryRequested(InvitationDelivery Delivery) : IDomainEvent;
