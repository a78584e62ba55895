namespace Invitations.IntegrationTests.Support;

/// <summary>The service as deployed (<see cref="ApiHostOptions.Service"/>).</summary>
public sealed class ServiceHost() : ApiFactory(ApiHostOptions.Service);

/// <summary>Classes that need the service as deployed share one host, each test on an empty database.</summary>
[CollectionDefinition(Name)]
[ResetDatabase<ServiceHost>]
[LongRunning]
public sealed class ServiceHostCollection : ICollectionFixture<ServiceHost>
{
    public const string Name = "Service";
}
