namespace Invitations.IntegrationTests.Keys;

/// <summary>
/// A service without job workers on a database of its own, its webhooks allowed on loopback: the tests restart it with other
/// encryption keys (<see cref="SecondHost"/>), and only the restarted one sends.
/// </summary>
public sealed class KeyRotationFactory() : ApiFactory(new ApiHostOptions
{
    Workers = false,
    Settings = new Dictionary<string, string?> { ["Webhooks:AllowPrivateNetworks"] = "true" },
});
