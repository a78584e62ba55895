using Invitations.Domain.Invitations;
using MediatR;

namespace Invitations.Application.Invitations.SendInvitationEmail;

/// <param name="FinalAttempt">When true a delivery failure is recorded as final instead of thrown for a retry.</param>
public sealed record SendInvitationEmailCommand(InvitationId InvitationId, int DeliveryVersion, bool FinalAttempt = false)
    : IRequest<EmailDeliveryOutcome>;

public enum EmailDeliveryOutcome
{
    Sent,
    NothingToSend,
    Failed,
}
