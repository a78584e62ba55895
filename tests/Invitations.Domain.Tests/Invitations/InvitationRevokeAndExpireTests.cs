using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using Invitations.Domain.Invitations.Events;

namespace Invitations.Domain.Tests.Invitations;

public sealed class InvitationRevokeAndExpireTests
{
    [Fact]
    public void Revoke_WhenPending_RecordsWhoAndWhen()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.ClearDomainEvents();
        clock.Advance(TimeSpan.FromHours(3));

        invitation.Revoke(99, clock.GetUtcNow());

        Assert.Equal(InvitationStatus.Revoked, invitation.Status);
        Assert.Equal(clock.GetUtcNow(), invitation.RevokedAt);
        Assert.Equal(new InvitationRevoked(invitation.Id, 99), Assert.Single(invitation.DomainEvents));
    }

    [Fact]
    public void Revoke_WhenPastExpiry_ThrowsNotPending()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        clock.SetUtcNow(invitation.ExpiresAt);

        var error = Assert.Throws<DomainException>(() => invitation.Revoke(7, clock.GetUtcNow()));

        Assert.Equal(ErrorCodes.NotPending, error.Code);
        Assert.Equal("expired", error.InvitationStatus);
        Assert.Null(invitation.RevokedAt);
    }

    [Fact]
    public void Expire_WhenOverdue_MarksExpired()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        clock.Advance(TimeSpan.FromDays(8));

        invitation.ClearDomainEvents();
        invitation.Expire(clock.GetUtcNow());

        Assert.Equal(InvitationStatus.Expired, invitation.Status);
        Assert.Equal(new InvitationExpired(invitation.Id), Assert.Single(invitation.DomainEvents));
    }

    [Fact]
    public void Expire_BeforeDue_ThrowsNotPending()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        clock.SetUtcNow(invitation.ExpiresAt.AddSeconds(-1));

        var error = Assert.Throws<DomainException>(() => invitation.Expire(clock.GetUtcNow()));

        Assert.Equal(ErrorCodes.NotPending, error.Code);
        Assert.Equal(InvitationStatus.Pending, invitation.Status);
    }

    [Fact]
    public void Expire_WhenAccepted_ThrowsNotPending()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.Accept(InvitationPolicy.Default, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(8));

        var error = Assert.Throws<DomainException>(() => invitation.Expire(clock.GetUtcNow()));

        Assert.Equal(ErrorCodes.NotPending, error.Code);
        Assert.Equal(InvitationStatus.Accepted, invitation.Status);
    }
}
