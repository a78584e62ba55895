using Invitations.Application.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Workspaces.ListMembers;

internal sealed class ListMembersQueryHandler(IInvitationsDbContext db) : IRequestHandler<ListMembersQuery, IReadOnlyList<MemberResponse>>
{
    public async Task<IReadOnlyList<MemberResponse>> Handle(ListMembersQuery query, CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == query.Actor.WorkspaceId)
            .OrderBy(m => m.UserId)
            .Select(m => MemberResponse.From(m))
            .ToListAsync(cancellationToken);
}
