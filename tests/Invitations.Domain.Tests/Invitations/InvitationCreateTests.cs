using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Invitations.Events;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Tests.Invitations;

public sealed class InvitationCreateTests
{
    [Fact]
    public void Create_IsPendingForItsLifetimeWithNormalisedEmail()
    {
        var clock = InvitationFactory.Clock();

        var invitation = InvitationFactory.Create(clock);

        Assert.Equal(InvitationStatus.Pending, invitation.Status);
        Assert.Equal(InvitationFactory.Start, invitation.CreatedAt);
        Assert.Equal(InvitationFactory.Start.AddDays(7), invitation.ExpiresAt);
        Assert.Equal("Jane.Doe@Example.COM", invitation.Email);
        Assert.Equal("jane.doe@example.com", invitation.NormalizedEmail);
        Assert.Equal("Jane", invitation.FirstName);
        Assert.Equal("lead@acme.io", invitation.InvitedByEmail);
        Assert.Equal(InvitationFactory.UserId, invitation.UserId);
    }

    [Fact]
    public void Create_WithEmail_OwesEmailDeliveryOne()
    {
        var invitation = InvitationFactory.Create(InvitationFactory.Clock());

        Assert.Equal(1, invitation.DeliveryVersion);
        Assert.Equal(new InvitationCreated(invitation.Id), invitation.DomainEvents[0]);
        var delivery = Assert.IsType<InvitationDeliveryRequested>(invitation.DomainEvents[1]).Delivery;
        Assert.Equal((invitation.Id, 1, DeliveryStatus.Pending), (delivery.InvitationId, delivery.Number, delivery.Status));
        Assert.Equal(InvitationFactory.Start, delivery.NextAttemptAt);
        Assert.Null(delivery.TokenHash);
        Assert.Same(delivery, invitation.NewestDelivery());
    }

    [Fact]
    public void Create_WithoutEmail_OwesNoEmailAndGivesOutNoLinkYet()
    {
        var invitation = InvitationFactory.Create(InvitationFactory.Clock(), sendEmail: false);

        Assert.Equal(0, invitation.DeliveryVersion);
        Assert.Equal(new InvitationCreated(invitation.Id), Assert.Single(invitation.DomainEvents));
        Assert.Null(invitation.NewestDelivery());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(60 * 60 * 23)]
    [InlineData(60 * 60 * 24)]
    [InlineData(60 * 60 * 24 * 30)]
    public void Create_PositiveLifetimeUpToThirtyDays_SetsExpiry(int seconds)
    {
        var invitation = InvitationFactory.Create(InvitationFactory.Clock(), lifetime: TimeSpan.FromSeconds(seconds));

        Assert.Equal(InvitationFactory.Start.AddSeconds(seconds), invitation.ExpiresAt);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(24 * 30 + 1)]
    public void Create_LifetimeNotPositiveOrOverThirtyDays_Throws(int hours)
    {
        var clock = InvitationFactory.Clock();

        var error = Assert.Throws<DomainException>(() => InvitationFactory.Create(clock, lifetime: TimeSpan.FromHours(hours)));

        Assert.Equal(ErrorCodes.InvalidLifetime, error.Code);
    }

    [Fact]
    public void Create_OwnerRole_Throws()
    {
        var error = Assert.Throws<DomainException>(() => Create(Role.Owner, Role.Owner));

        Assert.Equal(ErrorCodes.RoleNotInvitable, error.Code);
    }

    [Theory]
    [InlineData(Role.Owner)]
    [InlineData(Role.Admin)]
    public void Create_OwnerOrAdminInviter_Succeeds(Role inviterRole)
    {
        var invitation = Create(inviterRole, Role.Viewer);

        Assert.Equal(Role.Viewer, invitation.Role);
    }

    [Theory]
    [InlineData(Role.TeamSupervisor)]
    [InlineData(Role.Teammate)]
    [InlineData(Role.Agent)]
    [InlineData(Role.Collaborator)]
    [InlineData(Role.Editor)]
    [InlineData(Role.Viewer)]
    public void Create_InviterWithOtherRole_ThrowsCannotInvite(Role inviterRole)
    {
        var error = Assert.Throws<DomainException>(() => Create(inviterRole, Role.Viewer));

        Assert.Equal(ErrorCodes.CannotInvite, error.Code);
    }

    private static Invitation Create(Role inviterRole, Role role) => Invitation.Create(
        InvitationFactory.Inviter(inviterRole), InvitationPolicy.Default, EmailAddress.Create("jane@example.com"), null, null, role,
        new TeamRef(Guid.NewGuid(), "Default team"), Invitation.DefaultLifetime, true, 1234, InvitationFactory.Start);
}
