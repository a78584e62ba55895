using Invitations.Application.Common;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Invitations.Application.Invitations.CreateInvitation;

internal sealed class CreateInvitationCommandHandler(
    IInvitationsDbContext db,
    IWorkspaceDirectory workspaces,
    TimeProvider clock,
    IOptions<InvitationOptions> options,
    DailyLimitGauge gauge,
    InvitationMetrics metrics) : IRequestHandler<CreateInvitationCommand, InvitationResponse>
{
    public async Task<InvitationResponse> Handle(CreateInvitationCommand command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        Invitation.EnsureMayInvite(actor);
        var now = clock.GetUtcNow();
        var email = EmailAddress.Create(command.Email);
        // One round trip for every read: the workspace, team and membership, and (unless the gauge knows the workspace
        // is well below it) how many creates the window holds.
        var limit = options.Value.DailyLimitPerWorkspace;
        var recent = db.RecentCreates(actor.WorkspaceId, now);
        var count = !gauge.IsWellBelow(actor.WorkspaceId, limit, now);
        var read = await workspaces.InvitingContext(actor.WorkspaceId, command.Team, email.Normalized)
                .Select(context => new
                {
                    Context = context,
                    RecentCreates = count ? recent.OrderByDescending(i => i.CreatedAt).Take(limit).Count() : 0,
                })
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw WorkspaceLoader.NotFound(actor.WorkspaceId);
        if (count)
        {
            gauge.Counted(actor.WorkspaceId, read.RecentCreates, now);
        }

        var context = read.Context;
        var team = context.Team ?? throw WorkspaceLoader.TeamNotFound(command.Team);
        if (context.IsMember)
        {
            throw InvitationErrors.AlreadyMember(email.Value);
        }

        if (read.RecentCreates >= limit)
        {
            throw await db.RefusalAsync(
                actor.WorkspaceId, limit, read.RecentCreates, 1, now,
                $"This workspace has reached its limit of {limit} invitations per 24 hours.", cancellationToken);
        }

        var lifetime = command.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : options.Value.DefaultLifetime;
        var invitation = Invitation.Create(
            actor, email, command.FirstName, command.LastName, Roles.Parse(command.Role!),
            team, lifetime, command.SendEmail, now);
        var token = command.SendEmail ? null : invitation.IssueLink(now);
        var delivery = invitation.NewestDelivery();
        db.Invitations.Add(invitation);
        await SaveAsync(invitation, now, cancellationToken);
        gauge.Created(actor.WorkspaceId);
        metrics.Created();

        var acceptUrl = token is null ? null : options.Value.AcceptUrl(context.Workspace.Branding.VerifiedDomain, token);
        return InvitationResponse.From(invitation, delivery, now) with { AcceptUrl = acceptUrl };
    }

    /// <summary>
    /// Saves the new invitation. When the address's one pending slot (the partial unique index) is taken by an invitation
    /// already past its expiry, that one is expired whether or not the sweep has run yet: it is marked so and the save tried
    /// once more. Checking only on a conflict keeps the common case to the insert alone.
    /// </summary>
    private async Task SaveAsync(Invitation invitation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DomainException e) when (e.Code == ErrorCodes.DuplicatePending)
            {
                var holder = await PendingHolderAsync(invitation.WorkspaceId, invitation.NormalizedEmail, cancellationToken);
                if (attempt > 1 || holder is null || holder.ExpiresAt > now)
                {
                    throw InvitationErrors.DuplicatePending(invitation.Email, holder?.Id.Value);
                }

                await db.Invitations
                    .Where(i => i.Id == holder.Id && i.Status == InvitationStatus.Pending && i.ExpiresAt <= now)
                    .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, InvitationStatus.Expired), cancellationToken);
            }
        }
    }

    private Task<PendingHolder?> PendingHolderAsync(WorkspaceId workspaceId, string normalizedEmail, CancellationToken cancellationToken) =>
        db.Invitations.AsNoTracking()
            .Where(i => i.WorkspaceId == workspaceId && i.NormalizedEmail == normalizedEmail && i.Status == InvitationStatus.Pending)
            .Select(i => new PendingHolder(i.Id, i.ExpiresAt))
            .FirstOrDefaultAsync(cancellationToken);

    private sealed record PendingHolder(InvitationId Id, DateTimeOffset ExpiresAt);
}
