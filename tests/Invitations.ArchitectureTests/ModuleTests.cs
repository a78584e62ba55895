using Invitations.Domain.Workspaces;
using NetArchTest.Rules;

namespace Invitations.ArchitectureTests;

/// <summary>
/// Invitations builds on Workspaces, never the other way round, and asks Workspaces only through its Application
/// interface (IWorkspaceDirectory): never through Workspaces' own entities, which are its tables.
/// </summary>
public sealed class ModuleTests
{
    [Fact]
    public void Workspaces_NeverUseInvitations() =>
        Layers.Holds(Types.InAssemblies([Layers.Domain, Layers.Application])
            .That().ResideInNamespace("Invitations.Domain.Workspaces")
            .Or().ResideInNamespace("Invitations.Application.Workspaces")
            .ShouldNot().HaveDependencyOnAny("Invitations.Domain.Invitations", "Invitations.Application.Invitations"));

    [Fact]
    public void Invitations_NeverUseWorkspacesEntities() =>
        Layers.Holds(Types.InAssemblies([Layers.Domain, Layers.Application])
            .That().ResideInNamespace("Invitations.Domain.Invitations")
            .Or().ResideInNamespace("Invitations.Application.Invitations")
            .ShouldNot().HaveDependencyOnAny(
                typeof(Workspace).FullName!, typeof(Team).FullName!, typeof(Member).FullName!, typeof(ApiKey).FullName!));
}
