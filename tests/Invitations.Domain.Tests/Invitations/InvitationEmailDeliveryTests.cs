using Invitations.Domain.Common;
using Invitations.Domain.Invitations;

namespace Invitations.Domain.Tests.Invitations;

public sealed class InvitationEmailDeliveryTests
{
    [Fact]
    public void BeginEmailDelivery_CurrentVersion_IssuesTheLinkToken()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);

        var token = invitation.BeginEmailDelivery(1, clock.GetUtcNow());

        Assert.NotNull(token);
        Assert.Equal(SecretToken.HashOf(token), invitation.TokenHash);
    }

    [Fact]
    public void BeginEmailDelivery_SupersededVersion_SendsNothing()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.Resend(clock.GetUtcNow());

        Assert.Null(invitation.BeginEmailDelivery(1, clock.GetUtcNow()));
        Assert.Null(invitation.TokenHash);
        Assert.NotNull(invitation.BeginEmailDelivery(2, clock.GetUtcNow()));
    }

    [Fact]
    public void BeginEmailDelivery_AfterSent_SendsNothing()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.BeginEmailDelivery(1, clock.GetUtcNow());
        invitation.MarkEmailSent(clock.GetUtcNow());
        var sentHash = invitation.TokenHash;

        Assert.Null(invitation.BeginEmailDelivery(1, clock.GetUtcNow()));
        Assert.Equal(sentHash, invitation.TokenHash);
        Assert.Equal(EmailStatus.Sent, invitation.EmailStatus);
    }

    [Fact]
    public void BeginEmailDelivery_WhenRevoked_SendsNothing()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.Revoke(7, clock.GetUtcNow());

        Assert.Null(invitation.BeginEmailDelivery(1, clock.GetUtcNow()));
    }

    [Fact]
    public void BeginEmailDelivery_PastExpiry_SendsNothing()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        clock.SetUtcNow(invitation.ExpiresAt);

        Assert.Null(invitation.BeginEmailDelivery(1, clock.GetUtcNow()));
    }

    [Fact]
    public void BeginEmailDelivery_WhenCallerDeliversTheLink_SendsNothing()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock, sendEmail: false);

        Assert.Null(invitation.BeginEmailDelivery(0, clock.GetUtcNow()));
        Assert.Null(invitation.BeginEmailDelivery(1, clock.GetUtcNow()));
    }

    [Fact]
    public void MarkEmailFailed_NotFinal_StaysQueuedWithTheError()
    {
        var invitation = InvitationFactory.Create(InvitationFactory.Clock());

        invitation.MarkEmailFailed("connection refused", finalAttempt: false);

        Assert.Equal(EmailStatus.Queued, invitation.EmailStatus);
        Assert.Equal("connection refused", invitation.LastEmailError);
    }

    [Fact]
    public void MarkEmailFailed_Final_IsFailedWithTruncatedError()
    {
        var invitation = InvitationFactory.Create(InvitationFactory.Clock());

        invitation.MarkEmailFailed(new string('x', 1500), finalAttempt: true);

        Assert.Equal(EmailStatus.Failed, invitation.EmailStatus);
        Assert.Equal(new string('x', 1000), invitation.LastEmailError);
    }

    [Fact]
    public void MarkEmailSent_AfterAFailure_ClearsTheError()
    {
        var clock = InvitationFactory.Clock();
        var invitation = InvitationFactory.Create(clock);
        invitation.MarkEmailFailed("timeout", finalAttempt: false);
        clock.Advance(TimeSpan.FromMinutes(2));

        invitation.MarkEmailSent(clock.GetUtcNow());

        Assert.Equal(EmailStatus.Sent, invitation.EmailStatus);
        Assert.Equal(clock.GetUtcNow(), invitation.EmailSentAt);
        Assert.Null(invitation.LastEmailError);
    }
}
