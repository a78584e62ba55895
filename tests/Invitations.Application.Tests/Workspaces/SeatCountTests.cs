using Invitations.Application.Workspaces.Seats;
using Invitations.Domain.Common;

namespace Invitations.Application.Tests.Workspaces;

public sealed class SeatCountTests
{
    [Theory]
    [InlineData(10, 6, 3, 1)]
    [InlineData(10, 0, 0, 10)]
    [InlineData(1, 0, 0, 1)]
    public void EnsureFree_AsManyAsAreFree_Passes(int limit, int members, int pending, int needed) =>
        new SeatCount(limit, members, pending).EnsureFree(needed);

    [Theory]
    [InlineData(10, 6, 4, 1)]
    [InlineData(10, 6, 3, 2)]
    [InlineData(5, 8, 0, 1)] // lowered below what is in use
    public void EnsureFree_MoreThanAreFree_IsRefusedWithTheLimitAndTheSeatsInUse(int limit, int members, int pending, int needed)
    {
        var error = Assert.Throws<DomainException>(() => new SeatCount(limit, members, pending).EnsureFree(needed));

        Assert.Equal(ErrorCodes.SeatLimitReached, error.Code);
        Assert.Equal((limit, members + pending), error.Seats);
    }

    [Fact]
    public void EnsureFree_WithoutALimit_AlwaysPasses() => new SeatCount(null, 100_000, 100_000).EnsureFree(1000);

    [Theory]
    [InlineData(10, 6, 3, 1)]
    [InlineData(5, 8, 0, 0)]
    public void Available_IsWhatIsLeft_NeverBelowZero(int limit, int members, int pending, int available) =>
        Assert.Equal(available, new SeatCount(limit, members, pending).Available);

    [Fact]
    public void Available_WithoutALimit_IsNull() => Assert.Null(new SeatCount(null, 3, 2).Available);
}
