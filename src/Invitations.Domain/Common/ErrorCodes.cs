namespace Invitations.Domain.Common;

/// <summary>The rules a <see cref="DomainException"/> can name. Each name is the error's only one: the API's problem type ends with it.</summary>
public static class ErrorCodes
{
    public const string InvalidEmail = "invalid-email";
    public const string InvalidLifetime = "invalid-lifetime";
    public const string CannotInvite = "cannot-invite";
    public const string RoleMayNotInvite = "role-may-not-invite";
    public const string EmailDomainNotAllowed = "email-domain-not-allowed";
    public const string SeatLimitReached = "seat-limit-reached";
    public const string InvalidSeatLimit = "invalid-seat-limit";
    public const string InvalidPolicy = "invalid-policy";
    public const string CannotManagePolicy = "cannot-manage-policy";

    public const string WorkspaceNotFound = "workspace-not-found";
    public const string TeamNotFound = "team-not-found";
    public const string TeamExists = "team-exists";
    public const string MemberNotFound = "member-not-found";
    public const string AlreadyMember = "already-member";
    public const string RoleNotInvitable = "role-not-invitable";

    public const string InvitationNotFound = "not-found";
    public const string DuplicatePending = "duplicate-pending";
    public const string DuplicateInRequest = "duplicate-in-request";
    public const string NotPending = "not-pending";
    public const string Expired = "expired";
    public const string DailyLimit = "daily-limit";
    public const string ResendTooSoon = "resend-too-soon";
    public const string Concurrency = "concurrent-change";
    public const string InviteeOptedOut = "invitee-opted-out";
    public const string OptOutNotFound = "opt-out-not-found";
    public const string InvalidMetadata = "invalid-metadata";

    public const string WebhookNotFound = "webhook-not-found";
    public const string WebhookDeliveryNotFound = "webhook-delivery-not-found";
    public const string WebhookUrlRefused = "webhook-url-refused";
    public const string WebhookDisabled = "webhook-disabled";
    public const string CannotManageWebhooks = "cannot-manage-webhooks";

    public const string JoinLinkNotFound = "join-link-not-found";
    public const string JoinLinkClosed = "join-link-closed";
    public const string CannotManageJoinLinks = "cannot-manage-join-links";
}
