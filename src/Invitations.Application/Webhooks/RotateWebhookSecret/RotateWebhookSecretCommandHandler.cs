using Invitations.Application.Common;
using MediatR;

namespace Invitations.Application.Webhooks.RotateWebhookSecret;

internal sealed class RotateWebhookSecretCommandHandler(IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<RotateWebhookSecretCommand, WebhookResponse>
{
    public async Task<WebhookResponse> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await db.LoadWebhookAsync(command.Actor, command.Id, cancellationToken);
        var secret = endpoint.RotateSecret(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return WebhookResponse.From(endpoint) with { Secret = secret };
    }
}
