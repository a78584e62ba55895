using Invitations.Application.Common;
using Invitations.Application.JoinLinks;
using MediatR;

namespace Invitations.Application.Invitations.ListInvitations;

internal sealed class ListInvitationsQueryHandler(IInvitationList list, IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<ListInvitationsQuery, InvitationPage>
{
    public async Task<InvitationPage> Handle(ListInvitationsQuery query, CancellationToken cancellationToken)
    {
        if (query.JoinLinkId is { } link)
        {
            await db.LoadJoinLinkAsync(query.Actor, link, tracked: false, cancellationToken); // the link's managers only; 404 for another's
        }

        var limit = query.Limit ?? ListInvitationsQuery.DefaultLimit;
        PageCursor.TryDecode(query.Cursor, out var cursor);

        var rows = await list.PageAsync(query, cursor, limit + 1, clock.GetUtcNow(), cancellationToken);
        var next = rows.Count > limit ? new PageCursor(rows[limit - 1].CreatedAt, rows[limit - 1].Id).Encode() : null;
        return new InvitationPage(rows.Take(limit).ToList(), next);
    }
}
