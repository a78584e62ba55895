using Invitations.Application.Common;
using Invitations.Domain.Webhooks;
using MediatR;

namespace Invitations.Application.Webhooks.RotateWebhookSecret;

internal sealed class RotateWebhookSecretCommandHandler(IInvitationsDbContext db, ISecretProtector protector, TimeProvider clock)
    : IRequestHandler<RotateWebhookSecretCommand, WebhookResponse>
{
    public async Task<WebhookResponse> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await db.LoadWebhookAsync(command.Actor, command.Id, cancellationToken);
        var secret = WebhookSecret.New();
        endpoint.RotateSecret(protector.ProtectText(secret, ISecretProtector.WebhookSecret), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return WebhookResponse.From(endpoint) with { Secret = secret }; // the one time the plaintext leaves
    }
}
