using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using Invitations.Domain.Invitations.Events;

namespace Invitations.Domain.Tests.Invitations;

public sealed class InvitationAcceptTests
{
    [Fact]
    public void Accept_WhenPending_RecordsAcceptance()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.ClearDomainEvents();
        clock.Advance(TimeSpan.FromDays(2));

        invitation.Accept(InvitationPolicy.Default, clock.GetUtcNow());

        Assert.Equal(InvitationStatus.Accepted, invitation.Status);
        Assert.Equal(clock.GetUtcNow(), invitation.AcceptedAt);
        Assert.Equal(new InvitationAccepted(invitation.Id, invitation.UserId), Assert.Single(invitation.DomainEvents));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public void Accept_WhenExpired_ThrowsExpiredEvenBeforeTheSweep(int secondsAfterExpiry)
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        clock.SetUtcNow(invitation.ExpiresAt.AddSeconds(secondsAfterExpiry));

        var error = Assert.Throws<DomainException>(() => invitation.Accept(InvitationPolicy.Default, clock.GetUtcNow()));

        Assert.Equal(ErrorCodes.Expired, error.Code);
        Assert.Equal(InvitationStatus.Pending, invitation.Status);
        Assert.Null(invitation.AcceptedAt);
    }

    [Fact]
    public void Accept_OfAnAddressTheWorkspaceNoLongerAllows_IsRefused_AndStaysPending()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        DomainPattern.TryParse("*.partner.io", out var partners);
        var changed = InvitationPolicy.Default with { AllowedDomains = [partners] };

        var error = Assert.Throws<DomainException>(() => invitation.Accept(changed, clock.GetUtcNow()));

        Assert.Equal(ErrorCodes.EmailDomainNotAllowed, error.Code);
        Assert.Equal(InvitationStatus.Pending, invitation.Status);
        Assert.Null(invitation.AcceptedAt);
    }

    [Fact]
    public void Accept_WhenMarkedExpired_ThrowsExpired()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        clock.SetUtcNow(invitation.ExpiresAt);
        invitation.Expire(clock.GetUtcNow());

        var error = Assert.Throws<DomainException>(() => invitation.Accept(InvitationPolicy.Default, clock.GetUtcNow()));

        Assert.Equal(ErrorCodes.Expired, error.Code);
        Assert.Equal(InvitationStatus.Expired, invitation.Status);
    }

    [Fact]
    public void Accept_WhenRevoked_ThrowsNotPending()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.Revoke(7, clock.GetUtcNow());

        var error = Assert.Throws<DomainException>(() => invitation.Accept(InvitationPolicy.Default, clock.GetUtcNow()));

        Assert.Equal(ErrorCodes.NotPending, error.Code);
        Assert.Equal("revoked", error.InvitationStatus);
        Assert.Equal(InvitationStatus.Revoked, invitation.Status);
    }

    [Fact]
    public void Accept_Twice_ThrowsNotPending()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.Accept(InvitationPolicy.Default, clock.GetUtcNow());
        var acceptedAt = invitation.AcceptedAt;
        clock.Advance(TimeSpan.FromMinutes(5));

        var error = Assert.Throws<DomainException>(() => invitation.Accept(InvitationPolicy.Default, clock.GetUtcNow()));

        Assert.Equal(ErrorCodes.NotPending, error.Code);
        Assert.Equal("accepted", error.InvitationStatus);
        Assert.Equal(acceptedAt, invitation.AcceptedAt);
    }
}
