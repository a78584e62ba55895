using Invitations.IntegrationTests.Support;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// Classes that start build/run.sh, one at a time: each starts a mail viewer on the first free ports from 2525 and 5000, and
/// two scripts probing at once could both pick the same ones.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RunScriptCollection
{
    public const string Name = "Run script";
}
