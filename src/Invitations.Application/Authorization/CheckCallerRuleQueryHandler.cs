using Invitations.Domain.Invitations;
using Invitations.Domain.Webhooks;
using MediatR;

namespace Invitations.Application.Authorization;

/// <summary>
/// The one place a route's rule is decided before its command runs. A query with a handler (not a static check) because a
/// workspace's own invitation policy (contract §12) will need a read here; the commands' handlers ask the same domain rules.
/// </summary>
internal sealed class CheckCallerRuleQueryHandler : IRequestHandler<CheckCallerRuleQuery, Unit>
{
    public Task<Unit> Handle(CheckCallerRuleQuery query, CancellationToken cancellationToken)
    {
        switch (query.Rule)
        {
            case CallerRule.MayInvite:
                Invitation.EnsureMayInvite(query.Actor);
                break;
            case CallerRule.MayManageWebhooks:
                WebhookEndpoint.EnsureMayManage(query.Actor);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(query), query.Rule, "A rule without a check.");
        }

        return Task.FromResult(Unit.Value);
    }
}
