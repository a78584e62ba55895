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
/// Load (the workspace with its policy and seat limit, and the team: as this node last read them, or read now), act (the
/// aggregate, which checks the policy), save (one write that proves the reading, checks the address's standing, keeps the daily
/// limit and the seats, and writes the email and the event). A reading the write finds stale is made again, and the create
/// decided again on it.
/// </summary>
internal sealed class CreateInvitationCommandHandler(
    IInvitationsDbContext db,
    ICreateReads reads,
    IWorkspaceDirectory workspaces,
    IInvitationStore invitations,
    IUserIds userIds,
    TimeProvider clock,
    IOptions<InvitationOptions> options,
    DailyLimitGauge gauge) : IRequestHandler<CreateInvitationCommand, InvitationResponse>
{
    /// <summary>Readings made in a row that the write found stale before the create gives up (each one a change committed meanwhile).</summary>
    private const int Readings = 3;

    public async Task<InvitationResponse> Handle(CreateInvitationCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var email = EmailAddress.Create(command.Email);
        for (var reading = 1; ; reading++)
        {
            var read = await reads.ReadAsync(command.Actor.WorkspaceId, command.Team, fresh: reading > 1, cancellationToken)
                ?? throw WorkspaceLoader.NotFound(command.Actor.WorkspaceId);
            Invitation invitation;
            try
            {
                invitation = await DecideAsync(command, read, email, now, cancellationToken);
            }
            catch (DomainException) when (read.Kept)
            {
                continue; // a refusal is made on a reading made now, never on one this node kept: the policy may have changed since
            }

            var token = command.SendEmail ? null : invitation.IssueLink(now);
            var delivery = invitation.NewestDelivery();
            if (await SaveAsync(invitation, read, now, cancellationToken))
            {
                var acceptUrl = token is null ? null : options.Value.AcceptUrl(read.Workspace.Branding.VerifiedDomain, token);
                return InvitationResponse.From(invitation, delivery, now) with { AcceptUrl = acceptUrl };
            }

            if (reading == Readings)
            {
                throw new DomainException(
                    ErrorCodes.Concurrency, "The workspace kept changing while the invitation was being created; send the request again.");
            }
        }
    }

    /// <summary>
    /// The aggregate, which checks the request against the policy. On a reading made now an address that is a member's or opted
    /// out is refused as such whatever else is wrong with the request (the write checks both too, for the create that gets that far; this read,
    /// the workspace module's and the opt-outs', is on the refusal path only).
    /// </summary>
    private async Task<Invitation> DecideAsync(
        CreateInvitationCommand command, CreateReading read, EmailAddress email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        var policy = read.Workspace.Policy;
        policy.EnsureMayInvite(actor); // before anything that would tell a caller who may not invite about an address
        var team = read.Team ?? throw WorkspaceLoader.TeamNotFound(command.Team);
        try
        {
            var lifetime = policy.LifetimeFor(command.ExpiresInDays, options.Value.DefaultLifetime);
            return Invitation.Create(
                actor, policy, email, command.FirstName, command.LastName, Roles.Parse(command.Role!), team, lifetime, command.SendEmail,
                await userIds.NextAsync(cancellationToken), now, Metadata.Create(command.Metadata), command.Locale, command.JoinLinkId);
        }
        catch (DomainException) when (!read.Kept)
        {
            if (await workspaces.IsMemberAsync(actor.WorkspaceId, email.Normalized, cancellationToken))
            {
                throw InvitationErrors.AlreadyMember(email.Value);
            }

            if (await db.OptOuts.AnyAsync(o => o.WorkspaceId == actor.WorkspaceId && o.NormalizedEmail == email.Normalized, cancellationToken))
            {
                throw OptOut.Refusal(email.Value);
            }

            throw;
        }
    }

    /// <summary>
    /// Saves the new invitation; false, with nothing written, when the reading it was decided on is stale. When the address's one
    /// pending slot (the partial unique index) is taken by an invitation already past its expiry, that one is expired through
    /// its own method (and reports it) whether or not the sweep has run yet, and the save is tried once more. Checking only on a
    /// conflict keeps the common case to the insert alone.
    /// </summary>
    private async Task<bool> SaveAsync(Invitation invitation, CreateReading read, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = options.Value.DailyLimitPerWorkspace;
        var seatsLimited = read.Workspace.SeatLimit is not null;
        try
        {
            return await invitations.InsertWithinLimitsAsync(gauge, db, invitation, read.Version, limit, seatsLimited, now, cancellationToken);
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
            return await invitations.InsertWithinLimitsAsync(gauge, db, invitation, read.Version, limit, seatsLimited, now, cancellationToken);
        }
    }
}
