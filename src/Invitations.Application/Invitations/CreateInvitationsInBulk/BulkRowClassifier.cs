using Invitations.Application.Common;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <summary>
/// The rows that passed their own checks, against the workspace's invitation policy and what a few reads find in the way of
/// each address (its team, a membership, an opt-out, a pending invitation), in address order. A pending invitation past its
/// expiry is in nobody's way: it is returned to be expired.
/// </summary>
internal static class BulkRowClassifier
{
    public static async Task<(WorkspaceCard Workspace, List<BulkCreate> Creating, List<InvitationId> Overdue)> ClassifyAsync(
        IInvitationsDbContext db, IWorkspaceDirectory workspaces, Actor actor, List<BulkRow> rows, TimeSpan defaultLifetime, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var candidates = rows.Where(r => r.Outcome is null || r.Outcome.Value.Status is not (BulkRowStatus.Invalid or BulkRowStatus.DuplicateInRequest)).ToList();
        var emails = candidates.Select(r => r.Email!.Normalized).ToList();
        var context = await workspaces.BulkInvitingContextAsync(actor.WorkspaceId, candidates.Select(r => r.Create.Team).ToList(), emails, cancellationToken)
            ?? throw WorkspaceLoader.NotFound(actor.WorkspaceId);
        var pending = (await db.Invitations.AsNoTracking()
                .Where(i => i.WorkspaceId == actor.WorkspaceId && i.Status == InvitationStatus.Pending && emails.Contains(i.NormalizedEmail))
                .Select(i => new { i.Id, i.NormalizedEmail, i.ExpiresAt })
                .ToListAsync(cancellationToken))
            .ToDictionary(i => i.NormalizedEmail);
        var optedOut = (await db.OptOuts.AsNoTracking()
                .Where(o => o.WorkspaceId == actor.WorkspaceId && emails.Contains(o.NormalizedEmail))
                .Select(o => o.NormalizedEmail)
                .ToListAsync(cancellationToken))
            .ToHashSet();

        var overdue = new List<InvitationId>();
        candidates = candidates.OrderBy(r => r.Email!.Normalized, StringComparer.Ordinal).ToList();
        var creating = new List<BulkCreate>();
        var policy = context.Workspace.Policy;
        foreach (var row in candidates)
        {
            var email = row.Email!;
            row.Outcome = null;
            if (context.Team(row.Create.Team) is not { } team)
            {
                row.Outcome = (BulkRowStatus.TeamNotFound, WorkspaceLoader.TeamNotFound(row.Create.Team));
            }
            else if (PolicyRefusal(policy, actor, row, defaultLifetime, out var lifetime) is { } refusal)
            {
                row.Outcome = refusal;
            }
            else if (context.IsMember(email.Normalized))
            {
                row.Outcome = (BulkRowStatus.AlreadyMember, InvitationErrors.AlreadyMember(email.Value));
            }
            else if (optedOut.Contains(email.Normalized))
            {
                row.Outcome = (BulkRowStatus.OptedOut, OptOut.Refusal(email.Value));
            }
            else if (pending.TryGetValue(email.Normalized, out var holder) && holder.ExpiresAt > now)
            {
                row.Outcome = (BulkRowStatus.DuplicatePending, InvitationErrors.DuplicatePending(email.Value, holder.Id.Value));
            }
            else
            {
                if (holder is not null)
                {
                    overdue.Add(holder.Id); // past its expiry, whether or not the sweep has run: it no longer holds the address
                }

                creating.Add(new BulkCreate(row, team, lifetime));
            }
        }

        return (context.Workspace, creating, overdue);
    }

    /// <summary>What the policy says of the row as its own create: the role the actor may give, the domain, the lifetime.</summary>
    private static (BulkRowStatus Status, Exception Error)? PolicyRefusal(
        InvitationPolicy policy, Actor actor, BulkRow row, TimeSpan defaultLifetime, out TimeSpan lifetime)
    {
        lifetime = default;
        try
        {
            policy.EnsureMayInvite(actor, Roles.Parse(row.Create.Role!));
            policy.EnsureAllows(row.Email!.Value);
            lifetime = policy.LifetimeFor(row.Create.ExpiresInDays, defaultLifetime);
            return null;
        }
        catch (DomainException e)
        {
            return (e.Code == ErrorCodes.EmailDomainNotAllowed ? BulkRowStatus.DomainNotAllowed : BulkRowStatus.Invalid, e);
        }
    }
}
