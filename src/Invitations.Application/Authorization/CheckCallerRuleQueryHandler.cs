using Invitations.Application.Workspaces;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Authorization;

/// <summary>
/// The one place a route's rule is decided before its command runs (or before an idempotency key's remembered answer is
/// given). Who may invite is the workspace's own invitation policy (contract §12), so that rule reads it; the commands'
/// handlers ask the same domain rules.
/// </summary>
internal sealed class CheckCallerRuleQueryHandler(IWorkspaceDirectory workspaces) : IRequestHandler<CheckCallerRuleQuery, Unit>
{
    public async Task<Unit> Handle(CheckCallerRuleQuery query, CancellationToken cancellationToken)
    {
        switch (query.Rule)
        {
            case CallerRule.MayInvite:
                (await workspaces.CardAsync(query.Actor.WorkspaceId, cancellationToken)).Policy.EnsureMayInvite(query.Actor);
                break;
            case CallerRule.MayManageWebhooks:
                WebhookEndpoint.EnsureMayManage(query.Actor);
                break;
            case CallerRule.MayManagePolicy:
                InvitationPolicy.EnsureMayManage(query.Actor);
                break;
            case CallerRule.MayManageJoinLinks:
                JoinLink.EnsureMayManage(query.Actor);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(query), query.Rule, "A rule without a check.");
        }

        return Unit.Value;
    }
}
