namespace Invitations.IntegrationTests.Support;

/// <summary>Classes that run the dispatch themselves share one host without workers, each test on an empty database.</summary>
[CollectionDefinition(Name)]
[ResetDatabase<NoWorkersApiFactory>]
public sealed class NoWorkersCollection : ICollectionFixture<NoWorkersApiFactory>
{
    public const string Name = "No workers";
}
