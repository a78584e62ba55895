using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.CreateWorkspace;

internal sealed class CreateWorkspaceCommandHandler(IInvitationsDbContext db, TimeProvider clock)
    : IRequestHandler<CreateWorkspaceCommand, CreatedWorkspaceResponse>
{
    public async Task<CreatedWorkspaceResponse> Handle(CreateWorkspaceCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var workspace = Workspace.Create(command.Name!, now);
        var team = workspace.DefaultTeam;
        var owner = Member.Join(
            workspace.Id, await db.NextUserIdAsync(cancellationToken), EmailAddress.Create(command.OwnerEmail),
            command.OwnerFirstName, command.OwnerLastName, Role.Owner, team.ToRef(), now);
        var (key, plaintext) = ApiKey.Issue(workspace.Id, owner.UserId, now);

        db.Workspaces.Add(workspace);
        db.Members.Add(owner);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);

        return new CreatedWorkspaceResponse(workspace.Id.Value, WorkspaceResponse.From(workspace), MemberResponse.From(owner), plaintext);
    }
}
