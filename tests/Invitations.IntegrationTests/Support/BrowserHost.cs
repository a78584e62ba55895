namespace Invitations.IntegrationTests.Support;

/// <summary>On a real port for Chromium, on the test's clock (<see cref="ApiHostOptions.Browser"/>).</summary>
public sealed class BrowserHost() : ApiFactory(ApiHostOptions.Browser);
