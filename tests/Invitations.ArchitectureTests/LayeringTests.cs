using Invitations.Application.Common;
using Invitations.Infrastructure.Persistence;
using NetArchTest.Rules;

namespace Invitations.ArchitectureTests;

/// <summary>
/// What project references alone don't stop: a package added to an inner layer, or an endpoint reaching for the database.
/// (That Application can't name Infrastructure, or Domain Application, the build already guarantees: those would be cycles.)
/// </summary>
public sealed class LayeringTests
{
    [Fact]
    public void Domain_ReferencesNothingButTheBcl() =>
        Assert.All(Layers.Domain.GetReferencedAssemblies(), reference =>
            Assert.True(reference.Name!.StartsWith("System.", StringComparison.Ordinal), $"Domain references {reference.Name}."));

    [Fact]
    public void Application_UsesNoAspNetCoreNorInfrastructureLibraries() =>
        Layers.Holds(Types.InAssembly(Layers.Application)
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Hangfire", "Npgsql", "MailKit", "MimeKit"));

    /// <summary>Everything outside the composition root (Program, InvitationsApi, CommandLine): endpoints, auth, error handling.</summary>
    [Fact]
    public void Api_OutsideTheCompositionRoot_NeverTouchesTheDbContext() =>
        Layers.Holds(Types.InAssembly(Layers.Api)
            .That().ResideInNamespaceMatching(@"^Invitations\.Api\.")
            .ShouldNot().HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore",
                typeof(InvitationsDbContext).FullName!,
                typeof(IInvitationsDbContext).FullName!));
}
