using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Tests.Workspaces;

public sealed class InvitationPolicyTests
{
    private static readonly Actor Supervisor = new(WorkspaceId.New(), 7, "sup@acme.io", Role.TeamSupervisor);

    [Theory]
    [InlineData(Role.TeamSupervisor)]
    [InlineData(Role.Teammate)]
    [InlineData(Role.Viewer)]
    public void EnsureMayInvite_AnInviterRole_MayGiveItsOwnRankOrBelow(Role role) =>
        Widened().EnsureMayInvite(Supervisor, role);

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Owner)]
    public void EnsureMayInvite_ARoleAboveTheInviters_IsRefused(Role role)
    {
        var error = Assert.Throws<DomainException>(() => Widened().EnsureMayInvite(Supervisor, role));

        Assert.Equal(ErrorCodes.RoleMayNotInvite, error.Code);
    }

    [Fact]
    public void EnsureMayInvite_ByDefault_OnlyOwnersAndAdmins()
    {
        var error = Assert.Throws<DomainException>(() => InvitationPolicy.Default.EnsureMayInvite(Supervisor, Role.Viewer));

        Assert.Equal(ErrorCodes.CannotInvite, error.Code);
        InvitationPolicy.Default.EnsureMayInvite(Supervisor with { Role = Role.Admin }, Role.Admin);
    }

    [Theory]
    [InlineData("jane@example.com", true)]
    [InlineData("jane@team.example.com", true)]
    [InlineData("jane@evil-example.com", false)]
    [InlineData("jane@blocked.example.com", false)]
    [InlineData("jane@other.io", false)]
    public void EnsureAllows_AllowedAndBlockedDomains(string address, bool allowed)
    {
        var policy = InvitationPolicy.Default with
        {
            AllowedDomains = [Rule("example.com"), Rule("*.example.com")],
            BlockedDomains = [Rule("blocked.example.com")],
        };

        var refusal = Record.Exception(() => policy.EnsureAllows(EmailAddress.Create(address).Value));

        Assert.Equal(allowed, refusal is null);
        Assert.True(allowed || ((DomainException)refusal!).Code == ErrorCodes.EmailDomainNotAllowed);
    }

    [Fact]
    public void LifetimeFor_CapsTheDefault_AndRefusesMoreThanTheCap()
    {
        var policy = InvitationPolicy.Default with { MaxExpiresInDays = 3 };

        Assert.Equal(TimeSpan.FromDays(3), policy.LifetimeFor(null, TimeSpan.FromDays(7)));
        Assert.Equal(TimeSpan.FromHours(5), policy.LifetimeFor(null, TimeSpan.FromHours(5)));
        Assert.Equal(TimeSpan.FromDays(2), policy.LifetimeFor(2, TimeSpan.FromDays(7)));
        Assert.Equal(ErrorCodes.InvalidLifetime, Assert.Throws<DomainException>(() => policy.LifetimeFor(4, TimeSpan.FromDays(7))).Code);
    }

    private static InvitationPolicy Widened() => InvitationPolicy.Default with { InviterRoles = [Role.Owner, Role.Admin, Role.TeamSupervisor] };

    private static DomainPattern Rule(string text) => DomainPattern.TryParse(text, out var rule) ? rule : throw new ArgumentException(text);
}
