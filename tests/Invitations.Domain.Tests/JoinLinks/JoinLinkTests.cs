using Invitations.Domain.Common;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Tests.JoinLinks;

public sealed class JoinLinkTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TeamRef Support = new(Guid.NewGuid(), "Support");

    private static Actor Creator(Role role = Role.Admin) => new(WorkspaceId.New(), 7, "lead@acme.io", role);

    private static (JoinLink Link, string Token) Create(
        Role role = Role.Editor, int? maxUses = null, int? days = null, IReadOnlyList<DomainPattern>? domains = null, Actor? creator = null) =>
        JoinLink.Create(creator ?? Creator(), role, Support, maxUses, days, domains ?? [], "  Meetup  ", Start);

    [Fact]
    public void Create_GivesTheLinkItsRoleTeamAndCreator_ASevenDayLife_AndKeepsOnlyTheTokensHash()
    {
        var creator = Creator(Role.Owner);

        var (link, token) = Create(creator: creator);

        Assert.Equal((Role.Editor, Support.Id, "Support"), (link.Role, link.TeamId, link.TeamTitle));
        Assert.Equal(creator, link.Creator);
        Assert.Equal(Start.AddDays(7), link.ExpiresAt);
        Assert.Equal("Meetup", link.Description);
        Assert.Equal(43, token.Length);
        Assert.Equal(SecretToken.HashOf(token), link.TokenHash);
        Assert.Equal((0, JoinLinkStatus.Active), (link.Uses, link.StatusAt(Start)));
    }

    [Theory]
    [InlineData(Role.Admin, Role.Admin)]
    [InlineData(Role.Admin, Role.Viewer)]
    [InlineData(Role.Owner, Role.Admin)]
    public void Create_ARoleAtOrBelowTheCreators_IsGiven(Role creator, Role role) =>
        Assert.Equal(role, Create(role, creator: Creator(creator)).Link.Role);

    [Fact]
    public void Create_ByAnAdmin_ForTheOwnersRole_IsAboveTheirOwn()
    {
        var error = Assert.Throws<DomainException>(() => Create(Role.Owner, creator: Creator(Role.Admin)));

        Assert.Equal(ErrorCodes.RoleMayNotInvite, error.Code);
    }

    [Fact]
    public void Create_ByTheOwner_ForTheOwnersRole_IsNeverGiven()
    {
        var error = Assert.Throws<DomainException>(() => Create(Role.Owner, creator: Creator(Role.Owner)));

        Assert.Equal(ErrorCodes.RoleNotInvitable, error.Code);
    }

    [Theory]
    [InlineData(Role.TeamSupervisor)]
    [InlineData(Role.Viewer)]
    public void Create_ByANonManager_IsRefused_WhateverTheRole(Role creator)
    {
        var error = Assert.Throws<DomainException>(() => Create(Role.Viewer, creator: Creator(creator)));

        Assert.Equal(ErrorCodes.CannotManageJoinLinks, error.Code);
    }

    [Fact]
    public void Use_CountsUpToMaxUses_ThenTheLinkIsUsedUp_AndRefusesMore()
    {
        var (link, _) = Create(maxUses: 2);

        link.Use(Start);
        var afterOne = link.StatusAt(Start);
        link.Use(Start);
        var error = Assert.Throws<DomainException>(() => link.Use(Start));

        Assert.Equal(JoinLinkStatus.Active, afterOne);
        Assert.Equal((2, JoinLinkStatus.UsedUp), (link.Uses, link.StatusAt(Start)));
        Assert.Equal((ErrorCodes.JoinLinkClosed, "used_up"), (error.Code, error.JoinLinkStatus));
    }

    [Fact]
    public void Use_WithoutALimit_NeverUsesTheLinkUp()
    {
        var (link, _) = Create();

        for (var i = 0; i < 50; i++)
        {
            link.Use(Start);
        }

        Assert.Equal((50, JoinLinkStatus.Active), (link.Uses, link.StatusAt(Start)));
    }

    [Fact]
    public void StatusAt_ItsExpiry_IsExpired_AndAUseIsRefused()
    {
        var (link, _) = Create(days: 1);

        Assert.Equal(JoinLinkStatus.Active, link.StatusAt(Start.AddDays(1).AddTicks(-1)));
        Assert.Equal(JoinLinkStatus.Expired, link.StatusAt(Start.AddDays(1)));
        Assert.Equal("expired", Assert.Throws<DomainException>(() => link.Use(Start.AddDays(1))).JoinLinkStatus);
        Assert.Equal(0, link.Uses);
    }

    [Fact]
    public void Disable_WinsOverExpiryAndUses_IsKeptOnce_AndRefusesAUse()
    {
        var (link, _) = Create(maxUses: 1);
        link.Use(Start);

        link.Disable(Start.AddHours(1));
        link.Disable(Start.AddHours(2));

        Assert.Equal(Start.AddHours(1), link.DisabledAt);
        Assert.Equal(JoinLinkStatus.Disabled, link.StatusAt(Start.AddDays(30)));
        Assert.Equal("disabled", Assert.Throws<DomainException>(() => link.Use(Start.AddHours(3))).JoinLinkStatus);
    }

    [Fact]
    public void Rotate_ReplacesTheTokensHash_KeepingTheIdAndTheUses()
    {
        var (link, old) = Create(maxUses: 5);
        var id = link.Id;
        link.Use(Start);

        var fresh = link.Rotate();

        Assert.NotEqual(old, fresh);
        Assert.Equal(SecretToken.HashOf(fresh), link.TokenHash);
        Assert.Equal((id, 1, JoinLinkStatus.Active), (link.Id, link.Uses, link.StatusAt(Start)));
    }

    [Theory]
    [InlineData("ann@example.com", true)]
    [InlineData("ann@eng.corp.example", true)]
    [InlineData("ann@corp.example", false)]
    [InlineData("ann@evil-example.com", false)]
    [InlineData("ann@example.com.evil.io", false)]
    public void EnsureAllows_OnlyTheLinksDomains_WhenItHasAny(string address, bool allowed)
    {
        var (link, _) = Create(domains: DomainPattern.ParseAll(["example.com", "*.corp.example"]));

        var refusal = Record.Exception(() => link.EnsureAllows(address));

        Assert.Equal(allowed, refusal is null);
        Assert.True(allowed || refusal is DomainException { Code: ErrorCodes.EmailDomainNotAllowed });
        Create().Link.EnsureAllows(address); // without domains of its own, any
    }

    [Fact]
    public void Create_AnOutOfRangeUseLimitOrLifetime_IsNeverMade() // the validator answers these; the aggregate still guards
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(maxUses: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(maxUses: JoinLink.MaxUsesLimit + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(days: JoinLink.MaxDays + 1));
    }
}
