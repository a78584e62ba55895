using Invitations.Domain.Common;

namespace Invitations.Domain.Invitations;

/// <summary>The rules an invitation's own methods refuse with.</summary>
public static class InvitationRefusals
{
    public static DomainException NotPending(InvitationStatus status) =>
        new(ErrorCodes.NotPending, $"This invitation is {status.LowerCaseName()}, not pending.")
        {
            InvitationStatus = status.LowerCaseName(),
        };

    public static DomainException ResendTooSoon(TimeSpan allowedAgainIn) =>
        new(ErrorCodes.ResendTooSoon, "This invitation was resent less than a minute ago.") { AllowedAgainIn = allowedAgainIn };
}
