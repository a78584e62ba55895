using System.Text.Json;
using Invitations.Application.Common;
using Invitations.Domain.Webhooks;
using MediatR;

namespace Invitations.Application.Webhooks.TestWebhook;

internal sealed class TestWebhookCommandHandler(IInvitationsDbContext db, TimeProvider clock) : IRequestHandler<TestWebhookCommand, string>
{
    public async Task<string> Handle(TestWebhookCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await db.LoadWebhookAsync(command.Actor, command.Id, cancellationToken);
        var ping = WebhookEvent.Ping(endpoint.WorkspaceId.Value, clock.GetUtcNow(), Render);
        db.WebhookEvents.Add(ping);
        db.WebhookDeliveries.Add(WebhookDelivery.Of(ping, endpoint.Id));
        await db.SaveChangesAsync(cancellationToken);
        return ping.Id;
    }

    private static string Render(WebhookEvent ping) => JsonSerializer.Serialize(new
    {
        id = ping.Id,
        type = ping.Type,
        created_at = ping.CreatedAt,
        workspace_id = ping.WorkspaceId,
        data = new { },
    });
}
