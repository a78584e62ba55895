using FluentValidation;
using FluentValidation.Results;
using Invitations.Application.Common;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <summary>
/// Set-based: the rows are checked in memory against a few reads (teams, members, opt-outs, pending invitations, the daily count) and
/// the invitations inserted in one save, their emails owed through the outbox like any create. A create of the same address
/// racing the save makes the save fail on the pending-invitation index; the rows are then classified again from a fresh read.
/// </summary>
internal sealed class CreateInvitationsInBulkCommandHandler(
    IInvitationsDbContext db,
    IWorkspaceDirectory workspaces,
    IValidator<CreateInvitationCommand> rowValidator,
    TimeProvider clock,
    IOptions<InvitationOptions> options,
    IInvitationStore invitations,
    IUserIds userIds) : IRequestHandler<CreateInvitationsInBulkCommand, BulkInvitationsResult>
{
    private const int MaxAttempts = 3;

    public async Task<BulkInvitationsResult> Handle(CreateInvitationsInBulkCommand command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        Invitation.EnsureMayInvite(actor);
        var rows = new List<Row>(command.Rows.Count);
        for (var index = 0; index < command.Rows.Count; index++)
        {
            rows.Add(await CheckAsync(index, command.Rows[index], command.Defaults ?? new BulkInvitationDefaults(), actor, cancellationToken));
        }

        MarkRepeatedAddresses(rows);
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

    /// <summary>A row as its own create would be: the defaults filled in, then the create's own validation.</summary>
    private async Task<Row> CheckAsync(
        int index, BulkInvitationRow given, BulkInvitationDefaults defaults, Actor actor, CancellationToken cancellationToken)
    {
        var create = new CreateInvitationCommand(
            actor,
            given.Email,
            given.Role ?? defaults.Role,
            given.FirstName,
            given.LastName,
            given.Team ?? defaults.Team,
            given.ExpiresInDays ?? defaults.ExpiresInDays,
            given.SendEmail ?? defaults.SendEmail ?? true,
            Metadata: given.Metadata ?? defaults.Metadata,
            Locale: given.Locale ?? defaults.Locale);
        var validation = await rowValidator.ValidateAsync(create, cancellationToken);
        if (given.Unreadable is { } unreadable)
        {
            validation.Errors.Insert(0, new ValidationFailure("Row", unreadable));
        }

        return validation.IsValid
            ? new Row(index, given, create) { Email = EmailAddress.Create(create.Email) }
            : new Row(index, given, create) { Outcome = (BulkRowStatus.Invalid, new ValidationException(validation.Errors)) };
    }

    /// <summary>The same address twice: the first valid row is the one used.</summary>
    private static void MarkRepeatedAddresses(List<Row> rows)
    {
        var first = new Dictionary<string, Row>();
        foreach (var row in rows.Where(r => r.Email is not null))
        {
            if (!first.TryAdd(row.Email!.Normalized, row))
            {
                var used = first[row.Email.Normalized];
                row.Outcome = (BulkRowStatus.DuplicateInRequest, new DomainException(
                    ErrorCodes.DuplicateInRequest,
                    $"{row.Email.Value} is also on row {used.Index}{(used.Given.Line is { } line ? $" (line {line})" : "")}; that row is the one used."));
            }
        }
    }

    private async Task<BulkInvitationsResult> CreateAsync(Actor actor, List<Row> rows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
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
        var creating = new List<(Row Row, TeamRef Team)>();
        foreach (var row in candidates)
        {
            var email = row.Email!;
            row.Outcome = null;
            if (context.Team(row.Create.Team) is not { } team)
            {
                row.Outcome = (BulkRowStatus.TeamNotFound, WorkspaceLoader.TeamNotFound(row.Create.Team));
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

                creating.Add((row, team));
            }
        }

        if (creating.Count > 0)
        {
            await EnsureWithinDailyLimitAsync(actor.WorkspaceId, creating.Count, now, cancellationToken);
        }

        if (overdue.Count > 0)
        {
            await ExpireAsync(overdue, now, cancellationToken);
        }

        var created = new List<(Row Row, Invitation Invitation, InvitationDelivery? Delivery, string? Token)>(creating.Count);
        var ids = await userIds.NextAsync(creating.Count, cancellationToken);
        foreach (var ((row, team), userId) in creating.Zip(ids))
        {
            var create = row.Create;
            var lifetime = create.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : options.Value.DefaultLifetime;
            var invitation = Invitation.Create(
                actor, row.Email!, create.FirstName, create.LastName, Roles.Parse(create.Role!), team, lifetime, create.SendEmail, userId, now,
                Metadata.Create(create.Metadata), create.Locale);
            var token = create.SendEmail ? null : invitation.IssueLink(now);
            created.Add((row, invitation, invitation.NewestDelivery(), token));
        }

        // In address order: two requests inserting the same addresses mostly take the unique index's entries in one order and
        // wait on each other; where they still deadlock, PostgreSQL cancels one and it is classified again (above).
        db.Invitations.AddRange(created.Select(c => c.Invitation));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (row, invitation, delivery, token) in created)
        {
            var acceptUrl = token is null ? null : options.Value.AcceptUrl(context.Workspace.Branding.VerifiedDomain, token);
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

    private sealed class Row(int index, BulkInvitationRow given, CreateInvitationCommand create)
    {
        public int Index { get; } = index;

        public BulkInvitationRow Given { get; } = given;

        public CreateInvitationCommand Create { get; } = create;

        public EmailAddress? Email { get; init; }

        /// <summary>Why the row was not created; null while it may be.</summary>
        public (BulkRowStatus Status, Exception Error)? Outcome { get; set; }

        public InvitationResponse? Created { get; set; }
    }
}
