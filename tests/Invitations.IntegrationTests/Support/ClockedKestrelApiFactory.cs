using Microsoft.Extensions.Time.Testing;

namespace Invitations.IntegrationTests.Support;

/// <summary>The Kestrel-hosted service on a clock the test moves; it starts at the real time so pages read naturally.</summary>
public sealed class ClockedKestrelApiFactory : KestrelApiFactory
{
    public ClockedKestrelApiFactory() => Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
}
