using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using Invitations.Domain.Invitations.Events;

namespace Invitations.Domain.Tests.Invitations;

public sealed class InvitationDeclineTests
{
    [Fact]
    public void Decline_WhenPending_IsFinal_WithWhenAndTheTrimmedReason()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.ClearDomainEvents();
        clock.Advance(TimeSpan.FromHours(2));

        var optOut = invitation.Decline("  Not now  ", block: false, clock.GetUtcNow());

        Assert.Null(optOut);
        Assert.Equal(InvitationStatus.Declined, invitation.StatusAt(clock.GetUtcNow().AddDays(30)));
        Assert.Equal(clock.GetUtcNow(), invitation.DeclinedAt);
        Assert.Equal("Not now", invitation.DeclineReason);
        Assert.Equal(new InvitationDeclined(invitation.Id, "Not now"), Assert.Single(invitation.DomainEvents));
        Assert.False(invitation.MayBeDelivered(invitation.DeliveryVersion, clock.GetUtcNow()));
    }

    [Fact]
    public void Decline_WithBlock_OptsTheAddressOutOfTheWorkspace()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);

        var optOut = invitation.Decline(" ", block: true, clock.GetUtcNow());

        Assert.NotNull(optOut);
        Assert.Equal((invitation.WorkspaceId, "jane.doe@example.com", "Jane.Doe@Example.COM"), (optOut.WorkspaceId, optOut.NormalizedEmail, optOut.Email));
        Assert.Null(optOut.Reason);
        Assert.Null(invitation.DeclineReason);
    }

    [Fact]
    public void Decline_PastExpiry_IsExpired_AndChangesNothing()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        clock.SetUtcNow(invitation.ExpiresAt);

        var error = Assert.Throws<DomainException>(() => invitation.Decline("late", block: true, clock.GetUtcNow()));

        Assert.Equal(ErrorCodes.Expired, error.Code);
        Assert.Null(invitation.DeclinedAt);
    }

    [Fact]
    public void DeclineOrAcceptOrResend_AfterADecline_IsNotPending()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.Decline(null, block: false, clock.GetUtcNow());

        foreach (var again in new Action[]
                 {
                     () => invitation.Decline(null, block: true, clock.GetUtcNow()),
                     () => invitation.Accept(InvitationPolicy.Default, clock.GetUtcNow()),
                     () => invitation.Resend(clock.GetUtcNow()),
                 })
        {
            var error = Assert.Throws<DomainException>(again);
            Assert.Equal((ErrorCodes.NotPending, "declined"), (error.Code, error.InvitationStatus));
        }
    }
}
