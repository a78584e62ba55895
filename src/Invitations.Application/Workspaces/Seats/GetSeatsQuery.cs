using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.Seats;

/// <summary>Any key of the workspace may read its seats.</summary>
public sealed record GetSeatsQuery(WorkspaceId WorkspaceId) : IRequest<SeatsResponse>;
