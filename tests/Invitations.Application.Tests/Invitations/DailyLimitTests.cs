using Invitations.Application.Common;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Workspaces.Seats;
using Invitations.Domain.Common;
using NSubstitute;

namespace Invitations.Application.Tests.Invitations;

/// <summary>How a create spends its workspace's daily allowance: on this node's estimate while it holds, exactly otherwise.</summary>
public sealed class DailyLimitTests
{
    private readonly IInvitationStore _store = Substitute.For<IInvitationStore>();
    private readonly IInvitationsDbContext _db = Substitute.For<IInvitationsDbContext>();
    private readonly DailyLimitGauge _gauge = new();
    private static readonly ReadingVersion Version = new(41, 42);

    [Fact]
    public async Task FirstCreateOnANode_CountsExactly_AndRemembersTheCount()
    {
        var invitation = InvitationBuilder.Create();
        var counted = new CreatesCounted(12, 345, 100);
        _store.InsertAsync(invitation, Arg.Is<CreateAllowance>(a => a.IsExact), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>()).Returns(new InsertOutcome(true, counted));

        await _store.InsertWithinLimitsAsync(_gauge, _db, invitation, Version, 500, false, InvitationBuilder.Start, CancellationToken.None);

        await _store.DidNotReceive().InsertAsync(invitation, Arg.Is<CreateAllowance>(a => !a.IsExact), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>());
        Assert.Equal(counted, _gauge.Last(invitation.WorkspaceId));
    }

    [Fact]
    public async Task CreateOnAKnownWorkspace_InsertsOnTheEstimate_WithoutCounting()
    {
        var invitation = InvitationBuilder.Create();
        var known = new CreatesCounted(12, 345, 100);
        _gauge.Counted(invitation.WorkspaceId, known);
        _store.InsertAsync(invitation, Arg.Any<CreateAllowance>(), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>()).Returns(new InsertOutcome(true, null));

        await _store.InsertWithinLimitsAsync(_gauge, _db, invitation, Version, 500, false, InvitationBuilder.Start, CancellationToken.None);

        await _store.Received(1).InsertAsync(
            invitation, Arg.Is<CreateAllowance>(a => a.Counted == known && a.Limit == 500 && a.Since == InvitationBuilder.Start.AddDays(-1)),
            Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>());
        await _store.DidNotReceive().InsertAsync(invitation, Arg.Is<CreateAllowance>(a => a.IsExact), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task EstimateThatNoLongerFits_CountsExactlyBeforeRefusingAnything()
    {
        var invitation = InvitationBuilder.Create();
        _gauge.Counted(invitation.WorkspaceId, new CreatesCounted(450, 345, 100));
        var fresh = new CreatesCounted(451, 900, 100);
        _store.InsertAsync(invitation, Arg.Is<CreateAllowance>(a => !a.IsExact), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>()).Returns(new InsertOutcome(false, null));
        _store.InsertAsync(invitation, Arg.Is<CreateAllowance>(a => a.IsExact), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>()).Returns(new InsertOutcome(true, fresh));

        await _store.InsertWithinLimitsAsync(_gauge, _db, invitation, Version, 500, false, InvitationBuilder.Start, CancellationToken.None);

        Assert.Equal(fresh, _gauge.Last(invitation.WorkspaceId));
    }

    [Fact]
    public async Task WorkspaceWithASeatLimit_CountsExactly_EvenWithAnEstimateAtHand()
    {
        var invitation = InvitationBuilder.Create();
        _gauge.Counted(invitation.WorkspaceId, new CreatesCounted(12, 345, 100));
        _store.InsertAsync(invitation, Arg.Any<CreateAllowance>(), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>())
            .Returns(new InsertOutcome(true, new CreatesCounted(13, 400, 100), new SeatCount(10, 4, 3)));

        await _store.InsertWithinLimitsAsync(_gauge, _db, invitation, Version, 500, true, InvitationBuilder.Start, CancellationToken.None);

        await _store.Received(1).InsertAsync(invitation, Arg.Is<CreateAllowance>(a => a.IsExact), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>());
        await _store.DidNotReceive().InsertAsync(invitation, Arg.Is<CreateAllowance>(a => !a.IsExact), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task NoFreeSeat_IsRefusedAsTheSeatLimit_WithTheCount()
    {
        var invitation = InvitationBuilder.Create();
        _store.InsertAsync(invitation, Arg.Any<CreateAllowance>(), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>())
            .Returns(new InsertOutcome(false, new CreatesCounted(3, 400, 100), new SeatCount(10, 6, 4)));

        var refusal = await Assert.ThrowsAsync<DomainException>(
            () => _store.InsertWithinLimitsAsync(_gauge, _db, invitation, Version, 500, true, InvitationBuilder.Start, CancellationToken.None));

        Assert.Equal(ErrorCodes.SeatLimitReached, refusal.Code);
        Assert.Equal((10, 10), refusal.Seats);
        Assert.Null(refusal.AllowedAgainIn); // a seat frees when someone acts, not at a time: no Retry-After
    }

    [Fact]
    public async Task AJoinWhoseLinkClosedMeanwhile_IsRefusedAsClosed_WithoutCountingAgain()
    {
        var invitation = InvitationBuilder.Create();
        _gauge.Counted(invitation.WorkspaceId, new CreatesCounted(12, 345, 100));
        _store.InsertAsync(invitation, Arg.Any<CreateAllowance>(), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>())
            .Returns(new InsertOutcome(false, null, LinkClosed: true));

        var refusal = await Assert.ThrowsAsync<DomainException>(
            () => _store.InsertWithinLimitsAsync(_gauge, _db, invitation, Version, 500, false, InvitationBuilder.Start, CancellationToken.None));

        Assert.Equal((ErrorCodes.JoinLinkClosed, "used_up"), (refusal.Code, refusal.JoinLinkStatus));
        await _store.Received(1).InsertAsync(invitation, Arg.Any<CreateAllowance>(), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AStaleReading_IsReportedForTheCreateToDecideAgain_WithoutCountingOrRefusing()
    {
        var invitation = InvitationBuilder.Create();
        _gauge.Counted(invitation.WorkspaceId, new CreatesCounted(12, 345, 100));
        _store.InsertAsync(invitation, Arg.Any<CreateAllowance>(), Version, Arg.Any<CancellationToken>())
            .Returns(new InsertOutcome(false, null, Refusal: CreateRefusal.StaleReading));

        var saved = await _store.InsertWithinLimitsAsync(_gauge, _db, invitation, Version, 500, false, InvitationBuilder.Start, CancellationToken.None);

        Assert.False(saved);
        await _store.Received(1).InsertAsync(invitation, Arg.Any<CreateAllowance>(), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(CreateRefusal.Member, ErrorCodes.AlreadyMember)]
    [InlineData(CreateRefusal.OptedOut, ErrorCodes.InviteeOptedOut)]
    public async Task AnAddressTheWriteFindsInTheWay_IsRefusedAsSuch_BeforeAnyLimit(CreateRefusal refusal, string code)
    {
        var invitation = InvitationBuilder.Create();
        _gauge.Counted(invitation.WorkspaceId, new CreatesCounted(499, 345, 100)); // an estimate that would also not fit
        _store.InsertAsync(invitation, Arg.Any<CreateAllowance>(), Version, Arg.Any<CancellationToken>())
            .Returns(new InsertOutcome(false, null, Refusal: refusal));

        var error = await Assert.ThrowsAsync<DomainException>(
            () => _store.InsertWithinLimitsAsync(_gauge, _db, invitation, Version, 500, false, InvitationBuilder.Start, CancellationToken.None));

        Assert.Equal(code, error.Code);
        await _store.Received(1).InsertAsync(invitation, Arg.Any<CreateAllowance>(), Arg.Any<ReadingVersion>(), Arg.Any<CancellationToken>());
    }
}
