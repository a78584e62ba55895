using Invitations.Application.Common;
using Invitations.Domain.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Webhooks.ListWebhooks;

internal sealed class ListWebhooksQueryHandler(IInvitationsDbContext db) : IRequestHandler<ListWebhooksQuery, IReadOnlyList<WebhookResponse>>
{
    public async Task<IReadOnlyList<WebhookResponse>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        WebhookEndpoint.EnsureMayManage(query.Actor);
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.WorkspaceId == query.Actor.WorkspaceId)
            .OrderBy(e => e.CreatedAt)
            .ToListAsync(cancellationToken);
        return endpoints.Select(WebhookResponse.From).ToList();
    }
}
