using Invitations.Application.Common;
using MediatR;

namespace Invitations.Application.Invitations.ListInvitations;

internal sealed class ListInvitationsQueryHandler(IInvitationList list, TimeProvider clock)
    : IRequestHandler<ListInvitationsQuery, InvitationPage>
{
    public async Task<InvitationPage> Handle(ListInvitationsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? ListInvitationsQuery.DefaultLimit;
        PageCursor.TryDecode(query.Cursor, out var cursor);

        var rows = await list.PageAsync(query, cursor, limit + 1, clock.GetUtcNow(), cancellationToken);
        var next = rows.Count > limit ? new PageCursor(rows[limit - 1].CreatedAt, rows[limit - 1].Id).Encode() : null;
        return new InvitationPage(rows.Take(limit).ToList(), next);
    }
}
