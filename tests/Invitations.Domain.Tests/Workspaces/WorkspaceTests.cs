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
}
