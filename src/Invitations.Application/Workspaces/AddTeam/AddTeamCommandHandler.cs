using Invitations.Application.Common;
using MediatR;

namespace Invitations.Application.Workspaces.AddTeam;

internal sealed class AddTeamCommandHandler(IInvitationsDbContext db) : IRequestHandler<AddTeamCommand, TeamResponse>
{
    public async Task<TeamResponse> Handle(AddTeamCommand command, CancellationToken cancellationToken)
    {
        var workspace = await db.LoadWorkspaceAsync(command.WorkspaceId, cancellationToken);
        var team = workspace.AddTeam(command.Title!);
        await db.SaveChangesAsync(cancellationToken);
        return new TeamResponse(team.Id, workspace.Id.Value, team.Title);
    }
}
