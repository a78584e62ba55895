using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using Invitations.Domain.Invitations.Events;

namespace Invitations.Domain.Tests.Invitations;

public sealed class InvitationResendTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Resend_PendingOrExpired_StartsAFreshLifetimeAndEmail(bool expireFirst)
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock, lifetime: TimeSpan.FromDays(3), sendEmail: false);
        invitation.IssueLink(clock.GetUtcNow());
        invitation.ClearDomainEvents();
        clock.Advance(TimeSpan.FromDays(expireFirst ? 5 : 1));
        if (expireFirst)
        {
            invitation.Expire(clock.GetUtcNow());
        }

        invitation.Resend(clock.GetUtcNow());

        Assert.Equal(InvitationStatus.Pending, invitation.Status);
        Assert.Equal(clock.GetUtcNow().AddDays(3), invitation.ExpiresAt);
        Assert.Equal(2, invitation.DeliveryVersion);
        Assert.Equal(new InvitationResent(invitation.Id), invitation.DomainEvents[^2]);
        var delivery = Assert.IsType<InvitationDeliveryRequested>(invitation.DomainEvents[^1]).Delivery;
        Assert.Equal((2, DeliveryStatus.Pending, (string?)null), (delivery.Number, delivery.Status, delivery.TokenHash));
        Assert.Equal(clock.GetUtcNow(), delivery.NextAttemptAt);
    }

    [Fact]
    public void Resend_WhenAccepted_ThrowsNotPending()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.Accept(InvitationPolicy.Default, clock.GetUtcNow());

        var error = Assert.Throws<DomainException>(() => invitation.Resend(clock.GetUtcNow()));

        Assert.Equal(ErrorCodes.NotPending, error.Code);
        Assert.Equal("accepted", error.InvitationStatus);
    }

    [Fact]
    public void Resend_WhenRevoked_ThrowsNotPending()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.Revoke(7, clock.GetUtcNow());

        var error = Assert.Throws<DomainException>(() => invitation.Resend(clock.GetUtcNow()));

        Assert.Equal(ErrorCodes.NotPending, error.Code);
        Assert.Equal(InvitationStatus.Revoked, invitation.Status);
        Assert.Equal(1, invitation.DeliveryVersion);
    }

    [Theory]
    [InlineData(1, 59)]
    [InlineData(45, 15)]
    [InlineData(59, 1)]
    public void Resend_WithinAMinuteOfTheLastResend_ThrowsSayingWhenItIsAllowedAgain(int secondsLater, int allowedAgainInSeconds)
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.Resend(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(secondsLater));

        var error = Assert.Throws<DomainException>(() => invitation.Resend(clock.GetUtcNow()));

        Assert.Equal(ErrorCodes.ResendTooSoon, error.Code);
        Assert.Equal(TimeSpan.FromSeconds(allowedAgainInSeconds), error.AllowedAgainIn);
        Assert.Equal(2, invitation.DeliveryVersion);
    }

    [Fact]
    public void Resend_AMinuteAfterTheLastResend_IsAllowed()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.Resend(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(60));

        invitation.Resend(clock.GetUtcNow());

        Assert.Equal(3, invitation.DeliveryVersion);
    }
}
