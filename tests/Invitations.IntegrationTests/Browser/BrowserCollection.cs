namespace Invitations.IntegrationTests.Browser;

/// <summary>Browser classes run one after another: each brings a service and a Chromium, and the machine is shared.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
