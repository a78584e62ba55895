using Invitations.Application.Common;
using Invitations.Application.Workspaces.Seats;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.AddMember;

/// <summary>
/// The operator's direct add takes a seat like any invitation (contract §12): counted under the workspace's admission lock, in
/// one transaction with the insert.
/// </summary>
internal sealed class AddMemberCommandHandler(IInvitationsDbContext db, IWorkspaceDirectory directory, ISeats seats, TimeProvider clock)
    : IRequestHandler<AddMemberCommand, MemberResponse>
{
    public async Task<MemberResponse> Handle(AddMemberCommand command, CancellationToken cancellationToken)
    {
        _ = await directory.CardAsync(command.WorkspaceId, cancellationToken);
        var team = await directory.FindTeamAsync(command.WorkspaceId, command.Team, cancellationToken)
            ?? throw WorkspaceLoader.TeamNotFound(command.Team);
        var now = clock.GetUtcNow();
        return await db.AtomicallyAsync(
            async () =>
            {
                (await seats.LockAndCountAsync(command.WorkspaceId, now, cancellationToken)).EnsureFree(1);
                var member = Member.Join(
                    command.WorkspaceId, await db.NextUserIdAsync(cancellationToken), EmailAddress.Create(command.Email),
                    command.FirstName, command.LastName, Roles.Parse(command.Role!), team, now);
                db.Members.Add(member);
                await db.SaveChangesAsync(cancellationToken);
                return MemberResponse.From(member);
            },
            cancellationToken);
    }
}
