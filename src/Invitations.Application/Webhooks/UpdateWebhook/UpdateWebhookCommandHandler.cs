using Invitations.Application.Common;
using MediatR;

namespace Invitations.Application.Webhooks.UpdateWebhook;

internal sealed class UpdateWebhookCommandHandler(IInvitationsDbContext db, IWebhookUrlPolicy policy, TimeProvider clock)
    : IRequestHandler<UpdateWebhookCommand, WebhookResponse>
{
    public async Task<WebhookResponse> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await db.LoadWebhookAsync(command.Actor, command.Id, cancellationToken);
        if (command.Url is not null)
        {
            await policy.EnsureAllowedAsync(command.Url, cancellationToken);
        }

        endpoint.Change(command.Url, command.Events, command.Enabled, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return WebhookResponse.From(endpoint);
    }
}
