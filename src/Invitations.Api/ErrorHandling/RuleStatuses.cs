using Invitations.Domain.Common;

namespace Invitations.Api.ErrorHandling;

/// <summary>What each broken domain rule answers with: the domain names the rule (its code), and its HTTP status and title live here.</summary>
internal static class RuleStatuses
{
    private static readonly Dictionary<string, (int Status, string Title)> Rules = new()
    {
        [ErrorCodes.InvalidEmail] = (400, "The request is not valid."),
        [ErrorCodes.InvalidLifetime] = (400, "The request is not valid."),
        [ErrorCodes.CannotInvite] = (403, "Only owners and admins can invite."),
        [ErrorCodes.RoleMayNotInvite] = (403, "This role may not be invited by this member."),
        [ErrorCodes.EmailDomainNotAllowed] = (403, "This address's domain is not allowed."),
        [ErrorCodes.SeatLimitReached] = (409, "No seat is free."),
        [ErrorCodes.InvalidSeatLimit] = (400, "The request is not valid."),
        [ErrorCodes.InvalidPolicy] = (400, "The request is not valid."),
        [ErrorCodes.CannotManagePolicy] = (403, "Only owners and admins can manage the invitation policy."),
        [ErrorCodes.WorkspaceNotFound] = (404, "Workspace not found."),
        [ErrorCodes.TeamNotFound] = (400, "Team not found."),
        [ErrorCodes.TeamExists] = (409, "Team already exists."),
        [ErrorCodes.MemberNotFound] = (404, "Member not found."),
        [ErrorCodes.AlreadyMember] = (409, "Already a member."),
        [ErrorCodes.RoleNotInvitable] = (400, "Role can't be invited."),
        [ErrorCodes.InvitationNotFound] = (404, "Not found."),
        [ErrorCodes.DuplicatePending] = (409, "A pending invitation already exists."),
        [ErrorCodes.DuplicateInRequest] = (409, "The address is on an earlier row."),
        [ErrorCodes.NotPending] = (409, "The invitation is not pending."),
        [ErrorCodes.Expired] = (410, "The invitation has expired."),
        [ErrorCodes.DailyLimit] = (429, "Daily invitation limit reached."),
        [ErrorCodes.ResendTooSoon] = (429, "Resent too recently."),
        [ErrorCodes.Concurrency] = (409, "Changed concurrently."),
        [ErrorCodes.InviteeOptedOut] = (409, "The invitee opted out."),
        [ErrorCodes.OptOutNotFound] = (404, "Opt-out not found."),
        [ErrorCodes.InvalidMetadata] = (400, "The request is not valid."),
        [ErrorCodes.WebhookNotFound] = (404, "Webhook not found."),
        [ErrorCodes.WebhookDeliveryNotFound] = (404, "Webhook delivery not found."),
        [ErrorCodes.WebhookUrlRefused] = (400, "Webhook URL refused."),
        [ErrorCodes.WebhookDisabled] = (409, "The webhook is disabled."),
        [ErrorCodes.CannotManageWebhooks] = (403, "Only owners and admins can manage webhooks."),
        [ErrorCodes.JoinLinkNotFound] = (404, "Join link not found."),
        [ErrorCodes.JoinLinkClosed] = (410, "The join link no longer admits anyone."),
        [ErrorCodes.CannotManageJoinLinks] = (403, "Only owners and admins can manage join links."),
    };

    public static (int Status, string Title) Of(string code) => Rules[code];
}
