using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations;

/// <summary>An invitation's newest delivery: the only one whose link opens it, and the one that says where its email stands.</summary>
internal static class NewestDeliveries
{
    /// <summary>The invitation whose newest link is <paramref name="token"/>; a link a resend replaced opens nothing.</summary>
    public static Task<Invitation?> FindByTokenAsync(
        this IInvitationsDbContext db, IQueryable<Invitation> invitations, string token, CancellationToken cancellationToken)
    {
        var hash = SecretToken.HashOf(token);
        return (from delivery in db.InvitationDeliveries
                where delivery.TokenHash == hash
                join invitation in invitations
                    on new { Id = delivery.InvitationId, Number = delivery.Number }
                    equals new { Id = invitation.Id, Number = invitation.DeliveryVersion }
                select invitation)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Each invitation with its newest delivery, which says where its email stands.</summary>
    public static IQueryable<InvitationWithDelivery> WithNewestDelivery(this IQueryable<Invitation> invitations, IInvitationsDbContext db) =>
        from invitation in invitations
        join delivery in db.InvitationDeliveries
            on new { Id = invitation.Id, Number = invitation.DeliveryVersion }
            equals new { Id = delivery.InvitationId, Number = delivery.Number } into newest
        from delivery in newest.DefaultIfEmpty()
        select new InvitationWithDelivery { Invitation = invitation, Delivery = delivery };
}
