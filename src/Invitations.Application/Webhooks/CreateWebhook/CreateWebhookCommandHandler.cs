using Invitations.Application.Common;
using Invitations.Domain.Webhooks;
using MediatR;

namespace Invitations.Application.Webhooks.CreateWebhook;

/// <summary>Registers an endpoint; nothing is sent to it until an event (or the test route) owes it something.</summary>
internal sealed class CreateWebhookCommandHandler(IInvitationsDbContext db, IWebhookUrlPolicy policy, ISecretProtector protector, TimeProvider clock)
    : IRequestHandler<CreateWebhookCommand, WebhookResponse>
{
    public async Task<WebhookResponse> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        WebhookEndpoint.EnsureMayManage(command.Actor); // before the URL check, which may resolve a name: a 403 costs nothing
        await policy.EnsureAllowedAsync(command.Url!, cancellationToken);
        var secret = WebhookSecret.New();
        var endpoint = WebhookEndpoint.Create(
            command.Actor, command.Url!, command.Events, command.Description,
            protector.ProtectText(secret, ISecretProtector.WebhookSecret), clock.GetUtcNow());
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return WebhookResponse.From(endpoint) with { Secret = secret }; // the one time the plaintext leaves
    }
}
