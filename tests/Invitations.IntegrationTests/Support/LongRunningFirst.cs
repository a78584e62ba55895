using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Invitations.IntegrationTests.Support.LongRunningFirst", "Invitations.IntegrationTests")]

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// xUnit runs two collections at a time here: long-running classes start first, so the rest runs beside them instead of
/// the run ending on one of them alone.
/// </summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    private const string DefaultCollectionPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(IsLongRunning).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    /// <summary>A collection definition, or the one class of a collection of its own, marked <see cref="LongRunningAttribute"/>.</summary>
    private static bool IsLongRunning(ITestCollection collection)
    {
        var type = collection.CollectionDefinition?.ToRuntimeType()
                   ?? (collection.DisplayName.StartsWith(DefaultCollectionPrefix, StringComparison.Ordinal)
                       ? typeof(LongRunningFirst).Assembly.GetType(collection.DisplayName[DefaultCollectionPrefix.Length..])
                       : null);
        return type?.IsDefined(typeof(LongRunningAttribute), inherit: false) == true;
    }
}
