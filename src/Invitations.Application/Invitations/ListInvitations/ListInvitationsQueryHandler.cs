using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations.ListInvitations;

internal sealed class ListInvitationsQueryHandler(IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<ListInvitationsQuery, InvitationPage>
{
    public async Task<InvitationPage> Handle(ListInvitationsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var limit = query.Limit ?? ListInvitationsQuery.DefaultLimit;
        PageCursor.TryDecode(query.Cursor, out var cursor);

        // A row comparison lets PostgreSQL walk the (workspace_id, created_at, id) index straight to the page.
        var source = cursor is null
            ? db.Invitations
            : db.Invitations.FromSql(
                $"SELECT i.*, i.xmin FROM invitations AS i WHERE (i.created_at, i.id) < ({cursor.CreatedAt}, {cursor.Id})");
        var invitations = source.AsNoTracking().Where(i => i.WorkspaceId == query.Actor.WorkspaceId);

        if (!string.IsNullOrWhiteSpace(query.Email))
        {
            var email = EmailAddress.Normalize(query.Email);
            invitations = invitations.Where(i => i.NormalizedEmail == email);
        }

        invitations = query.Status switch
        {
            "pending" => invitations.Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now),
            "expired" => invitations.Where(i => i.Status == InvitationStatus.Expired
                || (i.Status == InvitationStatus.Pending && i.ExpiresAt <= now)),
            "accepted" => invitations.Where(i => i.Status == InvitationStatus.Accepted),
            "revoked" => invitations.Where(i => i.Status == InvitationStatus.Revoked),
            _ => invitations,
        };

        var rows = await invitations
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(limit + 1)
            .WithNewestDelivery(db)
            .OrderByDescending(row => row.Invitation.CreatedAt).ThenByDescending(row => row.Invitation.Id)
            .Select(row => row.ToResponse(now))
            .ToListAsync(cancellationToken);

        var next = rows.Count > limit ? new PageCursor(rows[limit - 1].CreatedAt, rows[limit - 1].Id).Encode() : null;
        return new InvitationPage(rows.Take(limit).ToList(), next);
    }
}
