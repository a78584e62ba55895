namespace Invitations.IntegrationTests.Support;

/// <summary>No workers, the test's clock (<see cref="ApiHostOptions.Manual"/>).</summary>
public sealed class ManualHost() : ApiFactory(ApiHostOptions.Manual);

/// <summary>
/// Classes that run jobs themselves or travel in time share one host, each test on an empty database. The clock only ever
/// moves forward: a test asks for times relative to it, never for a date.
/// </summary>
[CollectionDefinition(Name)]
[ResetDatabase<ManualHost>]
public sealed class ManualHostCollection : ICollectionFixture<ManualHost>
{
    public const string Name = "Manual";
}
