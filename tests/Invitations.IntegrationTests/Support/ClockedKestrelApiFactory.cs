namespace Invitations.IntegrationTests.Support;

/// <summary>The Kestrel-hosted service on a clock the test moves; it starts at the real time so pages read naturally.</summary>
public sealed class ClockedKestrelApiFactory() : ApiFactory(new ApiHostOptions { Kestrel = true, FakeClock = true });
