using Invitations.Application.Common;
using Invitations.Application.Webhooks.Events;
using Invitations.Domain.Webhooks;
using MediatR;

namespace Invitations.Application.Webhooks.TestWebhook;

internal sealed class TestWebhookCommandHandler(IInvitationsDbContext db, TimeProvider clock) : IRequestHandler<TestWebhookCommand, string>
{
    private static readonly object EmptyData = new();

    public async Task<string> Handle(TestWebhookCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await db.LoadWebhookAsync(command.Actor, command.Id, cancellationToken);
        var ping = WebhookEvent.Create(
            endpoint.WorkspaceId.Value, WebhookEventTypes.Ping, clock.GetUtcNow(), e => WebhookPublisher.Render(e, EmptyData));
        db.WebhookEvents.Add(ping);
        db.WebhookDeliveries.Add(WebhookDelivery.Of(ping, endpoint.Id));
        await db.SaveChangesAsync(cancellationToken);
        return ping.Id;
    }
}
