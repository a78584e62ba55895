using Invitations.Application.Common;
using Invitations.Application.Invitations;
using Invitations.Application.Invitations.ListInvitations;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Infrastructure.Persistence.ReadModels;

internal sealed class InvitationList(InvitationsDbContext db) : IInvitationList
{
    public async Task<IReadOnlyList<InvitationResponse>> PageAsync(
        ListInvitationsQuery query, PageCursor? after, int take, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invitations = db.Invitations.AsNoTracking().Where(i => i.WorkspaceId == query.Actor.WorkspaceId);
        if (after is not null)
        {
            // One row comparison lets PostgreSQL walk the (workspace_id, created_at, id) index straight to the page.
            var afterId = new InvitationId(after.Id);
            invitations = invitations.Where(i =>
                EF.Functions.LessThan(ValueTuple.Create(i.CreatedAt, i.Id), ValueTuple.Create(after.CreatedAt, afterId)));
        }

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

        return await invitations
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(take)
            .WithNewestDelivery(db)
            .OrderByDescending(row => row.Invitation.CreatedAt).ThenByDescending(row => row.Invitation.Id)
            .Select(row => row.ToResponse(now))
            .ToListAsync(cancellationToken);
    }
}
