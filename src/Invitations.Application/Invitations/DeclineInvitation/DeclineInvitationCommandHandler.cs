using Invitations.Application.Common;
using Invitations.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations.DeclineInvitation;

/// <summary>The decline and, when asked, the opt-out are one save: both are written or neither.</summary>
internal sealed class DeclineInvitationCommandHandler(IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<DeclineInvitationCommand, DeclinedInvitationResponse>
{
    private static readonly DeclinedInvitationResponse Declined = new("declined");

    public async Task<DeclinedInvitationResponse> Handle(DeclineInvitationCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await db.RetryOnConcurrentChangeAsync(() => DeclineAsync(command, cancellationToken));
        }
        catch (DomainException e) when (e.Code == ErrorCodes.Concurrency)
        {
            // Changed again on every retry: an accept or another decline of the same link keeps committing first.
            throw new DomainException(ErrorCodes.NotPending, "This invitation has already been used.");
        }
    }

    private async Task<DeclinedInvitationResponse> DeclineAsync(DeclineInvitationCommand command, CancellationToken cancellationToken)
    {
        var invitation = await db.FindByTokenAsync(db.Invitations, command.Token!, cancellationToken) ?? throw InvitationErrors.NotFound();
        var optOut = invitation.Decline(command.Reason, command.Block, clock.GetUtcNow());
        if (optOut is not null
            && !await db.OptOuts.AnyAsync(o => o.WorkspaceId == optOut.WorkspaceId && o.NormalizedEmail == optOut.NormalizedEmail, cancellationToken))
        {
            db.OptOuts.Add(optOut);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Declined;
    }
}
