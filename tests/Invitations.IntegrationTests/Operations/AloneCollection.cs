using Invitations.IntegrationTests.Support;

namespace Invitations.IntegrationTests.Operations;

/// <summary>Classes that count the database server's connections run when no other test class is running.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone";
}
