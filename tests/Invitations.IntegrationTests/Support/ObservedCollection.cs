namespace Invitations.IntegrationTests.Support;

/// <summary>
/// Classes that read the host's telemetry and logs: alone, since every host in the process feeds the same activity sources
/// and meters; each test on an empty database.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[ResetDatabase<ObservedApiFactory>]
public sealed class ObservedCollection : ICollectionFixture<ObservedApiFactory>
{
    public const string Name = "Observed";
}
