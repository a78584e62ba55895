using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.Seats;

/// <summary>The operator's: a limit of at least one seat, or null for none.</summary>
public sealed record SetSeatLimitCommand(WorkspaceId WorkspaceId, int? SeatLimit) : IRequest<SeatsResponse>;
