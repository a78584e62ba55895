using Invitations.Application.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations.GetInvitation;

internal sealed class GetInvitationQueryHandler(IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<GetInvitationQuery, InvitationResponse>
{
    public async Task<InvitationResponse> Handle(GetInvitationQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Invitations.AsNoTracking()
            .Where(i => i.Id == query.InvitationId && i.WorkspaceId == query.Actor.WorkspaceId)
            .WithNewestDelivery(db)
            .Select(row => row.ToResponse(now))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw InvitationErrors.NotFound();
    }
}
