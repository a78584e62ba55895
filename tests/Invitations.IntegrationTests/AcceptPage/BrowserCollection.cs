namespace Invitations.IntegrationTests.AcceptPage;

/// <summary>Browser classes share one Chromium and, unless they move the clock, one service on a real port.</summary>
[CollectionDefinition(Name)]
[ResetDatabase<BrowserHost>]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
