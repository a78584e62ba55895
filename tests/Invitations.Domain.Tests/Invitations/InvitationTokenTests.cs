using System.Security.Cryptography;
using System.Text;
using Invitations.Domain.Invitations;

namespace Invitations.Domain.Tests.Invitations;

public sealed class InvitationTokenTests
{
    [Fact]
    public void IssueToken_ReturnsBase64UrlWhoseSha256IsStored()
    {
        var invitation = InvitationFactory.Create(InvitationFactory.Clock());

        var token = invitation.IssueToken();

        Assert.Equal(43, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        Assert.Equal(expected, invitation.TokenHash);
    }

    [Fact]
    public void IssueToken_Again_RotatesTheHash()
    {
        var invitation = InvitationFactory.Create(InvitationFactory.Clock());
        var first = invitation.IssueToken();
        var firstHash = invitation.TokenHash;

        var second = invitation.IssueToken();

        Assert.NotEqual(first, second);
        Assert.NotEqual(firstHash, invitation.TokenHash);
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
