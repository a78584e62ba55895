using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Tests.Workspaces;

public sealed class WorkspaceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_HasExactlyTheDefaultTeam()
    {
        var workspace = Workspace.Create("  Acme  ", Now);

        var team = Assert.Single(workspace.Teams);
        Assert.Equal("Default team", team.Title);
        Assert.Same(team, workspace.DefaultTeam);
        Assert.Equal("Acme", workspace.Name);
        Assert.Equal(workspace.Id, team.WorkspaceId);
    }

    [Theory]
    [InlineData("Support")]
    [InlineData("support")]
    [InlineData("  SUPPORT ")]
    public void FindTeam_IgnoresCaseAndSurroundingSpace(string title)
    {
        var workspace = Workspace.Create("Acme", Now);
        var support = workspace.AddTeam("Support");

        Assert.Same(support, workspace.FindTeam(title));
    }

    [Fact]
    public void FindTeam_Unknown_ReturnsNull()
    {
        var workspace = Workspace.Create("Acme", Now);

        Assert.Null(workspace.FindTeam("Sales"));
    }

    [Theory]
    [InlineData("Support")]
    [InlineData("SUPPORT")]
    [InlineData(" support ")]
    [InlineData("default TEAM")]
    public void AddTeam_ExistingTitleInAnyCase_Throws(string title)
    {
        var workspace = Workspace.Create("Acme", Now);
        workspace.AddTeam("Support");

        var error = Assert.Throws<DomainException>(() => workspace.AddTeam(title));

        Assert.Equal(ErrorCodes.TeamExists, error.Code);
        Assert.Equal(2, workspace.Teams.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void SetSeatLimit_BelowOne_IsRefused_AndKeepsTheLimit(int limit)
    {
        var workspace = Workspace.Create("Acme", Now);
        workspace.SetSeatLimit(5);

        var error = Assert.Throws<DomainException>(() => workspace.SetSeatLimit(limit));

        Assert.Equal(ErrorCodes.InvalidSeatLimit, error.Code);
        Assert.Equal(5, workspace.SeatLimit);
    }

    [Fact]
    public void SetSeatLimit_Null_RemovesTheLimit()
    {
        var workspace = Workspace.Create("Acme", Now);
        workspace.SetSeatLimit(5);

        workspace.SetSeatLimit(null);

        Assert.Null(workspace.SeatLimit);
    }

    [Theory]
    [InlineData(Role.TeamSupervisor)]
    [InlineData(Role.Viewer)]
    public void ChangePolicy_ByAMemberBelowAdmin_IsRefused_AndKeepsThePolicy(Role role)
    {
        var workspace = Workspace.Create("Acme", Now);
        var widened = InvitationPolicy.Default with { InviterRoles = [Role.Owner, Role.Admin, Role.TeamSupervisor] };

        var error = Assert.Throws<DomainException>(() => workspace.ChangePolicy(new Actor(workspace.Id, 7, "x@acme.io", role), widened));

        Assert.Equal(ErrorCodes.CannotManagePolicy, error.Code);
        Assert.Same(InvitationPolicy.Default, workspace.Policy);
    }

    [Fact]
    public void ChangePolicy_WithoutOwnerAmongTheInviters_IsRefused()
    {
        var workspace = Workspace.Create("Acme", Now);
        var ownerless = InvitationPolicy.Default with { InviterRoles = [Role.Admin] };

        var error = Assert.Throws<DomainException>(() => workspace.ChangePolicy(new Actor(workspace.Id, 7, "x@acme.io", Role.Admin), ownerless));

        Assert.Equal(ErrorCodes.InvalidPolicy, error.Code);
        Assert.Same(InvitationPolicy.Default, workspace.Policy);
    }
}
