using Invitations.Application.Common;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Invitations.AcceptInvitation;

internal sealed class AcceptInvitationCommandHandler(IInvitationsDbContext db, IWorkspaceDirectory workspaces, TimeProvider clock)
    : IRequestHandler<AcceptInvitationCommand, AcceptedInvitationResponse>
{
    public async Task<AcceptedInvitationResponse> Handle(AcceptInvitationCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await db.RetryOnConcurrentChangeAsync(() => AcceptAsync(command, cancellationToken));
        }
        catch (DomainException e) when (e.Code == ErrorCodes.Concurrency)
        {
            // Changed again on every retry: other accepts (or a revoke) of the same invitation keep committing first.
            throw new DomainException(ErrorCodes.NotPending, "This invitation has already been used.")
            {
                InvitationStatus = "accepted",
            };
        }
    }

    private async Task<AcceptedInvitationResponse> AcceptAsync(AcceptInvitationCommand command, CancellationToken cancellationToken)
    {
        var invitation = await db.FindByTokenAsync(db.Invitations, command.Token!, cancellationToken) ?? throw InvitationErrors.NotFound();
        var now = clock.GetUtcNow();
        var workspace = await workspaces.CardAsync(invitation.WorkspaceId, cancellationToken);
        invitation.Accept(workspace.Policy, now); // its seat was held for it: no seat limit refuses this
        if (await workspaces.IsMemberAsync(invitation.WorkspaceId, invitation.NormalizedEmail, cancellationToken))
        {
            throw InvitationErrors.AlreadyMember(invitation.Email);
        }

        workspaces.Admit(
            invitation.WorkspaceId,
            invitation.UserId,
            EmailAddress.Create(invitation.Email),
            string.IsNullOrWhiteSpace(command.FirstName) ? invitation.FirstName : command.FirstName,
            string.IsNullOrWhiteSpace(command.LastName) ? invitation.LastName : command.LastName,
            invitation.Role,
            new TeamRef(invitation.TeamId, invitation.TeamTitle),
            now,
            invitation.Metadata);

        // One save: the acceptance and the membership commit together.
        await db.SaveChangesAsync(cancellationToken);
        return new AcceptedInvitationResponse(
            invitation.WorkspaceId.Value, workspace.Name, invitation.UserId, invitation.Role.Name(), invitation.TeamTitle);
    }
}
