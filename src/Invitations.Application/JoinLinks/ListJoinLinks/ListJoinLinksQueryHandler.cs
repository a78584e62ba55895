using Invitations.Application.Common;
using Invitations.Domain.JoinLinks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.JoinLinks.ListJoinLinks;

internal sealed class ListJoinLinksQueryHandler(IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<ListJoinLinksQuery, IReadOnlyList<JoinLinkResponse>>
{
    public async Task<IReadOnlyList<JoinLinkResponse>> Handle(ListJoinLinksQuery query, CancellationToken cancellationToken)
    {
        JoinLink.EnsureMayManage(query.Actor);
        var links = await db.JoinLinks.AsNoTracking()
            .Where(l => l.WorkspaceId == query.Actor.WorkspaceId)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return links.Select(link => JoinLinkResponse.From(link, now)).ToList();
    }
}
