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

        if (query.JoinLinkId is { } link)
        {
            invitations = invitations.Where(i => i.JoinLinkId == link);
        }

        if (!string.IsNullOrWhiteSpace(query.Email))
        {
            var email = EmailAddress.Normalize(query.Email);
            invitations = invitations.Where(i => i.NormalizedEmail == email);
        }

        if (query.Status is not null)
        {
            invitations = invitations.Where(Invitation.ShownAs(Enum.Parse<InvitationStatus>(query.Status, ignoreCase: true), now));
        }

        return await invitations
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(take)
            .WithNewestDelivery(db)
            .OrderByDescending(row => row.Invitation.CreatedAt).ThenByDescending(row => row.Invitation.Id)
            .Select(row => row.ToResponse(now))
            .ToListAsync(cancellationToken);
    }
}
