namespace Invitations.IntegrationTests.Support;

/// <summary>The service on a real loopback port, so a browser can reach it and the emailed links point at it.</summary>
public sealed class KestrelApiFactory() : ApiFactory(new ApiHostOptions { Kestrel = true });
