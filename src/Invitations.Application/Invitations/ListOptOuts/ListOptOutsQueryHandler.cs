using Invitations.Application.Common;
using Invitations.Domain.Invitations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations.ListOptOuts;

/// <summary>Newest first. Owners and admins only: who declined, and why, is theirs to see.</summary>
internal sealed class ListOptOutsQueryHandler(IInvitationsDbContext db) : IRequestHandler<ListOptOutsQuery, IReadOnlyList<OptOutResponse>>
{
    public async Task<IReadOnlyList<OptOutResponse>> Handle(ListOptOutsQuery query, CancellationToken cancellationToken)
    {
        OptOut.EnsureMayManage(query.Actor);
        return await db.OptOuts.AsNoTracking()
            .Where(o => o.WorkspaceId == query.Actor.WorkspaceId)
            .OrderByDescending(o => o.CreatedAt).ThenBy(o => o.NormalizedEmail)
            .Select(o => new OptOutResponse(o.Email, o.Reason, o.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}
