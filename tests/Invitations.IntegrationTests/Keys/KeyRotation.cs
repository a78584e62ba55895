namespace Invitations.IntegrationTests.Keys;

/// <summary>
/// A service without job workers on a database of its own: the tests restart it with other encryption keys
/// (<see cref="SecondHost"/>), and only the restarted one sends.
/// </summary>
public sealed class KeyRotation : IHostSettings
{
    public static ApiHostOptions Options => ApiHostOptions.Service with { Workers = false };
}
