namespace Invitations.Application.Workspaces.Seats;

/// <summary>A workspace's seats on the wire: <c>available</c> is null without a limit.</summary>
public sealed record SeatsResponse(int? Limit, int Members, int Pending, int? Available)
{
    public static SeatsResponse From(SeatCount seats) => new(seats.Limit, seats.Members, seats.Pending, seats.Available);
}
