using Invitations.Domain.Common;

namespace Invitations.Application.Invitations;

internal static class InvitationErrors
{
    public static DomainException NotFound() => new(ErrorCodes.InvitationNotFound, "No such invitation.");

    public static DomainException AlreadyMember(string email) =>
        new(ErrorCodes.AlreadyMember, $"{email} is already a member of this workspace.");

    public static DomainException DuplicatePending(string email, Guid? existingId) =>
        new(ErrorCodes.DuplicatePending,
            $"{email} already has a pending invitation{(existingId is { } id ? $" ({id})" : "")}; resend or revoke it instead.")
        {
            InvitationId = existingId,
        };
}
