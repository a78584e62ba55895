using Invitations.Application.Common;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Invitations.Application.Invitations.CreateInvitation;

/// <summary>
/// Load (one read: the workspace with its policy and seat limit, the team, a membership, an opt-out), act (the aggregate, which
/// checks the policy), save (one write that also keeps the daily limit and the seats, the email and the event).
/// </summary>
internal sealed class CreateInvitationCommandHandler(
    IInvitationsDbContext db,
    ICreateReads reads,
    IInvitationStore invitations,
    IUserIds userIds,
    TimeProvider clock,
    IOptions<InvitationOptions> options,
    DailyLimitGauge gauge) : IRequestHandler<CreateInvitationCommand, InvitationResponse>
{
    public async Task<InvitationResponse> Handle(CreateInvitationCommand command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        var now = clock.GetUtcNow();
        var email = EmailAddress.Create(command.Email);
        var read = await reads.ReadAsync(actor.WorkspaceId, command.Team, email.Normalized, cancellationToken)
            ?? throw WorkspaceLoader.NotFound(actor.WorkspaceId);
        var context = read.Context;
        var policy = context.Workspace.Policy;
        policy.EnsureMayInvite(actor); // before anything that would tell a caller who may not invite about an address
        var team = context.Team ?? throw WorkspaceLoader.TeamNotFound(command.Team);
        if (context.IsMember)
        {
            throw InvitationErrors.AlreadyMember(email.Value);
        }

        if (read.OptedOut)
        {
            throw OptOut.Refusal(email.Value);
        }

        var lifetime = policy.LifetimeFor(command.ExpiresInDays, options.Value.DefaultLifetime);
        var invitation = Invitation.Create(
            actor, policy, email, command.FirstName, command.LastName, Roles.Parse(command.Role!), team, lifetime, command.SendEmail,
            await userIds.NextAsync(cancellationToken), now, Metadata.Create(command.Metadata), command.Locale, command.JoinLinkId);
        var token = command.SendEmail ? null : invitation.IssueLink(now);
        var delivery = invitation.NewestDelivery();
        await SaveAsync(invitation, context.Workspace.SeatLimit is not null, now, cancellationToken);

        var acceptUrl = token is null ? null : options.Value.AcceptUrl(context.Workspace.Branding.VerifiedDomain, token);
        return InvitationResponse.From(invitation, delivery, now) with { AcceptUrl = acceptUrl };
    }

    /// <summary>
    /// Saves the new invitation. When the address's one pending slot (the partial unique index) is taken by an invitation
    /// already past its expiry, that one is expired through its own method (and reports it) whether or not the sweep has run
    /// yet, and the save is tried once more. Checking only on a conflict keeps the common case to the insert alone.
    /// </summary>
    private async Task SaveAsync(Invitation invitation, bool seatsLimited, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = options.Value.DailyLimitPerWorkspace;
        try
        {
            await invitations.InsertWithinLimitsAsync(gauge, db, invitation, limit, seatsLimited, now, cancellationToken);
        }
        catch (DomainException e) when (e.Code == ErrorCodes.DuplicatePending)
        {
            var holder = await db.Invitations
                .SingleOrDefaultAsync(
                    i => i.WorkspaceId == invitation.WorkspaceId && i.NormalizedEmail == invitation.NormalizedEmail && i.Status == InvitationStatus.Pending,
                    cancellationToken);
            if (holder is null || !holder.IsOverdue(now))
            {
                throw InvitationErrors.DuplicatePending(invitation.Email, holder?.Id.Value);
            }

            holder.Expire(now);
            await db.SaveChangesAsync(cancellationToken);
            await invitations.InsertWithinLimitsAsync(gauge, db, invitation, limit, seatsLimited, now, cancellationToken);
        }
    }
}
