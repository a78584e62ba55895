using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Tests.Workspaces;

public sealed class RolesTests
{
    [Theory]
    [InlineData("OWNER", Role.Owner)]
    [InlineData("Admin", Role.Admin)]
    [InlineData("Team_Supervisor", Role.TeamSupervisor)]
    [InlineData("teammate", Role.Teammate)]
    [InlineData(" agent ", Role.Agent)]
    [InlineData("COLLABORATOR", Role.Collaborator)]
    [InlineData("Editor", Role.Editor)]
    [InlineData("viewer", Role.Viewer)]
    public void TryParse_AnyCase_FindsRole(string name, Role expected)
    {
        Assert.True(Roles.TryParse(name, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("superuser")]
    [InlineData("team supervisor")]
    [InlineData("TeamSupervisor")]
    public void TryParse_UnknownName_Fails(string? name)
    {
        Assert.False(Roles.TryParse(name, out _));
    }

    [Fact]
    public void Name_RoundTripsEverySnakeCaseName()
    {
        var names = Enum.GetValues<Role>().Select(r => r.Name()).ToArray();

        Assert.Equal(["owner", "admin", "team_supervisor", "teammate", "agent", "collaborator", "editor", "viewer"], names);
        Assert.All(Enum.GetValues<Role>(), r => Assert.Equal(r, Roles.Parse(r.Name())));
    }

    [Theory]
    [InlineData(Role.Owner, true)]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.TeamSupervisor, false)]
    [InlineData(Role.Teammate, false)]
    [InlineData(Role.Agent, false)]
    [InlineData(Role.Collaborator, false)]
    [InlineData(Role.Editor, false)]
    [InlineData(Role.Viewer, false)]
    public void CanInvite_OnlyOwnerAndAdmin(Role role, bool expected)
    {
        Assert.Equal(expected, role.CanInvite());
    }
}
