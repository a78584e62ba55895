using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations.CreateInvitation;

/// <summary>
/// A workspace's allowance of creates in a rolling 24 hours (<c>Invitations:DailyLimitPerWorkspace</c>), for the single and
/// the bulk create alike, exact under concurrency on any number of nodes (<see cref="CreateAllowance"/>). Counting stops at
/// the limit (newest first: the order of the (workspace_id, created_at DESC) index), so a count costs the same however busy
/// the workspace is; far from the limit a create does not count at all.
/// </summary>
internal static class DailyLimit
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>
    /// Inserts a new invitation within its workspace's limits: on this node's estimate while that holds, counting exactly when it
    /// does not or when the workspace limits its seats (<paramref name="seatsLimited"/>: the seats are counted under the same
    /// lock). Over a limit: refused — with when enough room opens, or with the seats — and nothing written; likewise when its join
    /// link closed meanwhile (the statement re-checks the link as it counts the use), when the address is a member's or opted out.
    /// False, with nothing written: the reading at <paramref name="version"/> is stale, and the create is to be decided again.
    /// </summary>
    public static async Task<bool> InsertWithinLimitsAsync(
        this IInvitationStore store, DailyLimitGauge gauge, IInvitationsDbContext db, Invitation invitation, ReadingVersion version, int limit,
        bool seatsLimited, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var estimate = seatsLimited ? null : gauge.Last(invitation.WorkspaceId);
        var outcome = await store.InsertAsync(invitation, new CreateAllowance(limit, now - Window, estimate), version, cancellationToken);
        if (!outcome.Inserted && outcome.Refusal == CreateRefusal.None && !outcome.LinkClosed && estimate is not null)
        {
            outcome = await store.InsertAsync(invitation, new CreateAllowance(limit, now - Window, null), version, cancellationToken);
        }

        switch (outcome.Refusal)
        {
            case CreateRefusal.StaleReading:
                return false;
            case CreateRefusal.Member:
                throw InvitationErrors.AlreadyMember(invitation.Email);
            case CreateRefusal.OptedOut:
                throw OptOut.Refusal(invitation.Email);
        }

        if (outcome.Counted is { } counted)
        {
            gauge.Counted(invitation.WorkspaceId, counted);
        }

        if (outcome.LinkClosed)
        {
            throw JoinLink.Closed(JoinLinkStatus.UsedUp); // the likeliest: the last use went to a concurrent join
        }

        if (!outcome.Inserted)
        {
            outcome.Seats?.EnsureFree(1);
            throw await db.RefusalAsync(
                invitation.WorkspaceId, limit, limit, 1, now, $"This workspace has reached its limit of {limit} invitations per 24 hours.", cancellationToken);
        }

        return true;
    }

    /// <summary>The workspace's creates in the window that ends at <paramref name="now"/>.</summary>
    public static IQueryable<Invitation> RecentCreates(this IInvitationsDbContext db, WorkspaceId workspaceId, DateTimeOffset now)
    {
        var since = now - Window;
        return db.Invitations.Where(i => i.WorkspaceId == workspaceId && i.CreatedAt > since);
    }

    /// <summary>
    /// The refusal of <paramref name="creating"/> more creates beside the <paramref name="used"/> the window holds, with when
    /// enough room opens: when the creates in the way turn 24 hours old (more than the limit itself never fits: a full window).
    /// </summary>
    public static async Task<DomainException> RefusalAsync(
        this IInvitationsDbContext db, WorkspaceId workspaceId, int limit, int used, int creating, DateTimeOffset now, string detail,
        CancellationToken cancellationToken)
    {
        var inTheWay = creating - (limit - used);
        var roomAt = creating > limit
            ? now + Window
            : await db.RecentCreates(workspaceId, now).OrderBy(i => i.CreatedAt).Skip(inTheWay - 1).Select(i => i.CreatedAt)
                .FirstAsync(cancellationToken) + Window;
        return new DomainException(ErrorCodes.DailyLimit, detail) { AllowedAgainIn = roomAt - now };
    }
}
