using Microsoft.Extensions.Time.Testing;

namespace Invitations.IntegrationTests.Api;

/// <summary>A service on a clock the tests move by hand, so invitations can outlive their expiry without waiting.</summary>
public sealed class ClockFactory : ApiFactory
{
    public ClockFactory() => Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

    public FakeTimeProvider Time => Clock!;
}
