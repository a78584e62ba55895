using Invitations.Domain.Common;

namespace Invitations.Application.Workspaces.Seats;

/// <summary>
/// A workspace's seats: members plus pending invitations not past their expiry (a pending invitation holds its seat until it is
/// accepted — the seat becomes the member's — revoked, declined or past <c>expires_at</c>, swept or not).
/// </summary>
public sealed record SeatCount(int? Limit, int Members, int Pending)
{
    public int InUse => Members + Pending;

    /// <summary>Null without a limit; never below zero, also when the limit was lowered below what is in use.</summary>
    public int? Available => Limit is { } limit ? Math.Max(0, limit - InUse) : null;

    /// <summary>Refuses what needs <paramref name="needed"/> seats when fewer are free.</summary>
    public void EnsureFree(int needed)
    {
        if (Limit is { } limit && needed > limit - InUse)
        {
            throw new DomainException(
                ErrorCodes.SeatLimitReached,
                needed == 1
                    ? $"All {limit} seats of this workspace are taken (members and pending invitations)."
                    : $"This needs {needed} seats and {Available} of this workspace's {limit} are free; nothing was done.")
            {
                Seats = (limit, InUse),
            };
        }
    }
}
