using System.Security.Cryptography;
using System.Text;
using Invitations.Domain.Invitations;
using Invitations.Domain.Invitations.Events;

namespace Invitations.Domain.Tests.Invitations;

public sealed class InvitationTokenTests
{
    [Fact]
    public void IssueLink_ReturnsBase64UrlWhoseSha256IsStoredOnACallerDelivery()
    {
        var invitation = InvitationFactory.Create(InvitationFactory.Clock(), sendEmail: false);

        var token = invitation.IssueLink(InvitationFactory.Start);

        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        var delivery = Assert.IsType<InvitationDeliveryRequested>(invitation.DomainEvents[^1]).Delivery;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), delivery.TokenHash);
        Assert.Equal((DeliveryStatus.Issued, 1), (delivery.Status, delivery.Number));
        Assert.Equal(1, invitation.DeliveryVersion);
    }

    [Fact]
    public void IssueLink_Again_IsANewerDeliveryWithAnotherSecret()
    {
        var invitation = InvitationFactory.Create(InvitationFactory.Clock(), sendEmail: false);
        var first = invitation.IssueLink(InvitationFactory.Start);

        var second = invitation.IssueLink(InvitationFactory.Start);

        Assert.NotEqual(first, second);
        Assert.Equal(2, invitation.DeliveryVersion);
        Assert.Equal(2, invitation.NewestDelivery()!.Number);
    }

    [Theory]
    [InlineData(-1, InvitationStatus.Pending)]
    [InlineData(0, InvitationStatus.Expired)]
    [InlineData(1, InvitationStatus.Expired)]
    public void StatusAt_AroundExpiry_ShowsExpiredWithoutChangingStatus(int secondsFromExpiry, InvitationStatus expected)
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);

        clock.SetUtcNow(invitation.ExpiresAt.AddSeconds(secondsFromExpiry));

        Assert.Equal(expected, invitation.StatusAt(clock.GetUtcNow()));
        Assert.Equal(InvitationStatus.Pending, invitation.Status);
    }
}
