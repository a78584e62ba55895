using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.AddMember;

internal sealed class AddMemberCommandHandler(IInvitationsDbContext db, IWorkspaceDirectory directory, TimeProvider clock)
    : IRequestHandler<AddMemberCommand, MemberResponse>
{
    public async Task<MemberResponse> Handle(AddMemberCommand command, CancellationToken cancellationToken)
    {
        _ = await directory.FindAsync(command.WorkspaceId, cancellationToken) ?? throw WorkspaceLoader.NotFound(command.WorkspaceId);
        var team = await directory.FindTeamAsync(command.WorkspaceId, command.Team, cancellationToken)
            ?? throw WorkspaceLoader.TeamNotFound(command.Team);
        var member = Member.Join(
            command.WorkspaceId, await db.NextUserIdAsync(cancellationToken), EmailAddress.Create(command.Email),
            command.FirstName, command.LastName, Roles.Parse(command.Role!), team, clock.GetUtcNow());

        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return MemberResponse.From(member);
    }
}
