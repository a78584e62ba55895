using Invitations.Application.Common;
using MediatR;

namespace Invitations.Application.Webhooks.GetWebhook;

internal sealed class GetWebhookQueryHandler(IInvitationsDbContext db) : IRequestHandler<GetWebhookQuery, WebhookResponse>
{
    public async Task<WebhookResponse> Handle(GetWebhookQuery query, CancellationToken cancellationToken) =>
        WebhookResponse.From(await db.LoadWebhookAsync(query.Actor, query.Id, cancellationToken));
}
