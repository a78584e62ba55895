using FluentValidation;
using Invitations.Application.Common;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Workspaces;
using Invitations.Application.Workspaces.Seats;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <summary>
/// Set-based: the rows are checked in memory (<see cref="BulkRowChecks"/>) and against a few reads (<see cref="BulkRowClassifier"/>;
/// then the daily count), and the invitations inserted in one save, their emails owed through the outbox like any create. A create of the same address
/// racing the save makes the save fail on the pending-invitation index; the rows are then classified again from a fresh read.
/// </summary>
internal sealed class CreateInvitationsInBulkCommandHandler(
    IInvitationsDbContext db,
    IWorkspaceDirectory workspaces,
    IValidator<CreateInvitationCommand> rowValidator,
    TimeProvider clock,
    IOptions<InvitationOptions> options,
    IInvitationStore invitations,
    ISeats seats,
    IUserIds userIds) : IRequestHandler<CreateInvitationsInBulkCommand, BulkInvitationsResult>
{
    private const int MaxAttempts = 3;

    public async Task<BulkInvitationsResult> Handle(CreateInvitationsInBulkCommand command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        (await workspaces.CardAsync(actor.WorkspaceId, cancellationToken)).Policy.EnsureMayInvite(actor);
        var defaults = command.Defaults ?? new BulkInvitationDefaults();
        var rows = new List<BulkRow>(command.Rows.Count);
        for (var index = 0; index < command.Rows.Count; index++)
        {
            rows.Add(await BulkRowChecks.CheckAsync(rowValidator, index, command.Rows[index], defaults, actor, cancellationToken));
        }

        BulkRowChecks.MarkRepeatedAddresses(rows);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.AtomicallyAsync(() => CreateAsync(actor, rows, cancellationToken), cancellationToken);
            }
            catch (DomainException e) when (e.Code is ErrorCodes.DuplicatePending or ErrorCodes.Concurrency && attempt < MaxAttempts)
            {
                // A concurrent create took an address (or, had the orders differed, the two would have deadlocked): classify again.
                db.DiscardChanges();
            }
        }
    }

    private async Task<BulkInvitationsResult> CreateAsync(Actor actor, List<BulkRow> rows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (workspace, creating, overdue) = await BulkRowClassifier.ClassifyAsync(
            db, workspaces, actor, rows, options.Value.DefaultLifetime, now, cancellationToken);

        if (creating.Count > 0)
        {
            // All or nothing, as the daily limit: the rows to create must fit in the free seats.
            (await seats.LockAndCountAsync(actor.WorkspaceId, now, cancellationToken)).EnsureFree(creating.Count);
            await EnsureWithinDailyLimitAsync(actor.WorkspaceId, creating.Count, now, cancellationToken);
        }

        if (overdue.Count > 0)
        {
            await ExpireAsync(overdue, now, cancellationToken);
        }

        var created = new List<(BulkRow Row, Invitation Invitation, InvitationDelivery? Delivery, string? Token)>(creating.Count);
        var ids = await userIds.NextAsync(creating.Count, cancellationToken);
        foreach (var ((row, team, lifetime), userId) in creating.Zip(ids))
        {
            var create = row.Create;
            var invitation = Invitation.Create(
                actor, workspace.Policy, row.Email!, create.FirstName, create.LastName, Roles.Parse(create.Role!), team, lifetime, create.SendEmail,
                userId, now, Metadata.Create(create.Metadata), create.Locale);
            var token = create.SendEmail ? null : invitation.IssueLink(now);
            created.Add((row, invitation, invitation.NewestDelivery(), token));
        }

        // In address order: two requests inserting the same addresses mostly take the unique index's entries in one order and
        // wait on each other; where they still deadlock, PostgreSQL cancels one and it is classified again (above).
        db.Invitations.AddRange(created.Select(c => c.Invitation));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (row, invitation, delivery, token) in created)
        {
            var acceptUrl = token is null ? null : options.Value.AcceptUrl(workspace.Branding.VerifiedDomain, token);
            row.Created = InvitationResponse.From(invitation, delivery, now) with { AcceptUrl = acceptUrl };
        }

        var results = rows.Select(r => new BulkRowResult(
                r.Index, r.Given.Line, r.Given.Email, r.Created is null ? r.Outcome!.Value.Status : BulkRowStatus.Created, r.Created, r.Outcome?.Error))
            .ToList();
        return new BulkInvitationsResult(created.Count, rows.Count - created.Count, results);
    }

    /// <summary>Holders of an address past their expiry no longer hold it: each is expired through its own method, and reports it.</summary>
    private async Task ExpireAsync(List<InvitationId> overdue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holders = await db.Invitations.Where(i => overdue.Contains(i.Id)).ToListAsync(cancellationToken);
        foreach (var holder in holders.Where(h => h.IsOverdue(now)))
        {
            holder.Expire(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>All or nothing: the rows to create must fit in what is left of the workspace's rolling 24 hours.</summary>
    private async Task EnsureWithinDailyLimitAsync(WorkspaceId workspaceId, int creating, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = options.Value.DailyLimitPerWorkspace;
        var used = await invitations.LockForCreatesAsync(workspaceId, now - DailyLimit.Window, limit, creating, cancellationToken);
        if (creating > limit - used)
        {
            throw await db.RefusalAsync(
                workspaceId, limit, used, creating, now,
                $"This request would create {creating} invitations, and the workspace can create {Math.Max(0, limit - used)} more in the " +
                $"current 24 hours (limit {limit}); nothing was created.",
                cancellationToken);
        }
    }
}
