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
    IOptions<InvitationOptions> options) : IRequestHandler<CreateInvitationCommand, InvitationResponse>
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public async Task<InvitationResponse> Handle(CreateInvitationCommand command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        Invitation.EnsureMayInvite(actor);
        var now = clock.GetUtcNow();
        var email = EmailAddress.Create(command.Email);
        var workspace = await workspaces.FindAsync(actor.WorkspaceId, cancellationToken)
            ?? throw WorkspaceLoader.NotFound(actor.WorkspaceId);
        var team = await workspaces.FindTeamAsync(actor.WorkspaceId, command.Team, cancellationToken)
            ?? throw WorkspaceLoader.TeamNotFound(command.Team);
        if (await workspaces.IsActiveMemberAsync(actor.WorkspaceId, email.Normalized, cancellationToken))
        {
            throw InvitationErrors.AlreadyMember(email.Value);
        }

        await EnforceDailyLimitAsync(actor.WorkspaceId, now, cancellationToken);
        await ExpireOverdueAsync(actor.WorkspaceId, email, now, cancellationToken);

        var lifetime = command.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : options.Value.DefaultLifetime;
        var invitation = Invitation.Create(
            actor, email, command.FirstName, command.LastName, Roles.Parse(command.Role!),
            team, lifetime, command.SendEmail, now);
        var token = command.SendEmail ? null : invitation.IssueToken();
        db.Invitations.Add(invitation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e) when (e.Code == ErrorCodes.DuplicatePending)
        {
            throw InvitationErrors.DuplicatePending(email.Value, await PendingIdAsync(actor.WorkspaceId, email, cancellationToken));
        }

        var acceptUrl = token is null ? null : options.Value.AcceptUrl(workspace.Branding.VerifiedDomain, token);
        return InvitationResponse.From(invitation, now) with { AcceptUrl = acceptUrl };
    }

    private async Task EnforceDailyLimitAsync(WorkspaceId workspaceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = options.Value.DailyLimitPerWorkspace;
        var since = now - Window;
        var recent = db.Invitations.Where(i => i.WorkspaceId == workspaceId && i.CreatedAt > since);

        // Counting stops at the limit, so the check costs the same however busy the workspace is.
        if (await recent.Take(limit).CountAsync(cancellationToken) < limit)
        {
            return;
        }

        // The window frees a slot when the oldest invitation in it turns 24 hours old.
        var oldest = await recent.MinAsync(i => i.CreatedAt, cancellationToken);
        throw new DomainException(ErrorCodes.DailyLimit, $"This workspace has reached its limit of {limit} invitations per 24 hours.")
        {
            RetryAfter = oldest + Window - now,
        };
    }

    // Past its expiry an invitation is expired whether or not the sweep has run yet, so it must not hold the address's
    // one pending slot (the partial unique index) against a new invitation.
    private Task ExpireOverdueAsync(WorkspaceId workspaceId, EmailAddress email, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Invitations
            .Where(i => i.WorkspaceId == workspaceId && i.NormalizedEmail == email.Normalized
                && i.Status == InvitationStatus.Pending && i.ExpiresAt <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, InvitationStatus.Expired), cancellationToken);

    private async Task<Guid?> PendingIdAsync(WorkspaceId workspaceId, EmailAddress email, CancellationToken cancellationToken)
    {
        var id = await db.Invitations.AsNoTracking()
            .Where(i => i.WorkspaceId == workspaceId && i.NormalizedEmail == email.Normalized && i.Status == InvitationStatus.Pending)
            .Select(i => i.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id == default ? null : id.Value;
    }
}
