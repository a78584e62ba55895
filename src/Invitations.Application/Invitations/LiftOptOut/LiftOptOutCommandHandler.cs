using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations.LiftOptOut;

internal sealed class LiftOptOutCommandHandler(IInvitationsDbContext db) : IRequestHandler<LiftOptOutCommand, Unit>
{
    public async Task<Unit> Handle(LiftOptOutCommand command, CancellationToken cancellationToken)
    {
        OptOut.EnsureMayManage(command.Actor);
        var email = EmailAddress.Normalize(command.Email!);
        var optOut = await db.OptOuts.SingleOrDefaultAsync(o => o.WorkspaceId == command.Actor.WorkspaceId && o.NormalizedEmail == email, cancellationToken)
            ?? throw new DomainException(ErrorCodes.OptOutNotFound, $"{command.Email!.Trim()} has not opted out of this workspace's invitations.");
        db.OptOuts.Remove(optOut);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
