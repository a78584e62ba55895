namespace Invitations.IntegrationTests.Support;

/// <summary>Classes that need the service as deployed (job workers, the real clock) share one host, each test on an empty database.</summary>
[CollectionDefinition(Name)]
[ResetDatabase<ApiFactory>]
[LongRunning]
public sealed class ServiceHostCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "Service";
}
