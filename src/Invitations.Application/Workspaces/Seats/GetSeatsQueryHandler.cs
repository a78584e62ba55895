using MediatR;

namespace Invitations.Application.Workspaces.Seats;

internal sealed class GetSeatsQueryHandler(ISeats seats, TimeProvider clock) : IRequestHandler<GetSeatsQuery, SeatsResponse>
{
    public async Task<SeatsResponse> Handle(GetSeatsQuery query, CancellationToken cancellationToken) =>
        SeatsResponse.From(await seats.CountAsync(query.WorkspaceId, clock.GetUtcNow(), cancellationToken));
}
