using Invitations.Domain.Common;

namespace Invitations.Infrastructure.Persistence;

/// <summary>The rules the database enforces under concurrency, by the name of the index that enforces them.</summary>
internal static class UniqueViolations
{
    public const string PendingInvitationPerEmail = "ux_invitations_pending_email";
    public const string MemberPerEmail = "ux_members_workspace_email";
    public const string TeamTitle = "ux_teams_workspace_title";

    /// <summary>A member with an invitation's reserved user id exists: that invitation was accepted already.</summary>
    public const string MemberUserId = "pk_members";

    public static DomainException? Translate(string? constraint) => constraint switch
    {
        PendingInvitationPerEmail => new DomainException(ErrorCodes.DuplicatePending, "This address already has a pending invitation."),
        MemberPerEmail => new DomainException(ErrorCodes.AlreadyMember, "This address is already a member of the workspace."),
        TeamTitle => new DomainException(ErrorCodes.TeamExists, "A team with this title already exists."),
        MemberUserId => new DomainException(ErrorCodes.NotPending, "This invitation has already been used.")
        {
            InvitationStatus = "accepted",
        },
        _ => null,
    };
}
