using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.AddTeam;

public sealed record AddTeamCommand(WorkspaceId WorkspaceId, string? Title) : IRequest<TeamResponse>;

public sealed record TeamResponse(Guid Id, Guid WorkspaceId, string Title);
