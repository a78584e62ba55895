using Invitations.Application.Common;
using MediatR;

namespace Invitations.Application.Webhooks.DeleteWebhook;

/// <summary>The endpoint goes with its deliveries: nothing more is sent to it, not even what was owed.</summary>
internal sealed class DeleteWebhookCommandHandler(IInvitationsDbContext db) : IRequestHandler<DeleteWebhookCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        db.WebhookEndpoints.Remove(await db.LoadWebhookAsync(command.Actor, command.Id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
