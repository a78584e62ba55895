namespace Invitations.IntegrationTests.Support;

/// <summary>
/// Classes that travel in time share one host without workers on a clock they move, each test on an empty database. The
/// clock only ever moves forward: a test asks for times relative to it, never for a date.
/// </summary>
[CollectionDefinition(Name)]
[ResetDatabase<ClockApiFactory>]
public sealed class ClockCollection : ICollectionFixture<ClockApiFactory>
{
    public const string Name = "Clock";
}
