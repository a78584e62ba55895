using Invitations.Domain.Common;

namespace Invitations.Domain.Invitations.Events;

/// <summary>
/// Raised by <see cref="Invitation.Expire"/>. The expiry sweep expires in sets, with its own statement (the documented twin of
/// <see cref="Invitation.IsOverdue"/>), and reports what it expired the same way.
/// </summary>
public sealed record InvitationExpired(InvitationId InvitationId) : IDomainEvent;
