using Invitations.Application.Common;
using Invitations.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Webhooks.RetryWebhookDelivery;

/// <summary>Makes a delivery due now, whatever became of it (a failed one gets one attempt more), and wakes the dispatcher.</summary>
internal sealed class RetryWebhookDeliveryCommandHandler(IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<RetryWebhookDeliveryCommand, Unit>
{
    public async Task<Unit> Handle(RetryWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await db.LoadWebhookAsync(command.Actor, command.Id, cancellationToken);

        // The dispatcher sends nothing to a disabled endpoint: a 202 here would promise a retry that never happens.
        if (!endpoint.Enabled)
        {
            throw new DomainException(ErrorCodes.WebhookDisabled,
                "This webhook is disabled, so nothing would be sent: enable it first (PATCH it with {\"enabled\": true}), then retry the delivery.");
        }

        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == command.DeliveryId && d.EndpointId == endpoint.Id, cancellationToken)
                       ?? throw new DomainException(ErrorCodes.WebhookDeliveryNotFound, "This webhook has no delivery with this id.");
        delivery.Retry(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
