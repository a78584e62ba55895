namespace Invitations.Domain.Common;

public static class ErrorCodes
{
    public const string Validation = "request.invalid";
    public const string Unauthorized = "auth.unauthorized";
    public const string Forbidden = "auth.forbidden";
    public const string CannotInvite = "auth.cannot_invite";
    public const string ConflictingKeys = "auth.conflicting_keys";

    public const string WorkspaceNotFound = "workspace.not_found";
    public const string TeamNotFound = "team.not_found";
    public const string TeamExists = "team.exists";
    public const string MemberNotFound = "member.not_found";
    public const string AlreadyMember = "member.already_exists";
    public const string RoleNotInvitable = "role.not_invitable";

    public const string InvitationNotFound = "invitation.not_found";
    public const string DuplicatePending = "invitation.duplicate_pending";
    public const string NotPending = "invitation.not_pending";
    public const string Expired = "invitation.expired";
    public const string DailyLimit = "invitation.daily_limit";
    public const string ResendTooSoon = "invitation.resend_too_soon";
    public const string Concurrency = "concurrency.conflict";
}
