using Microsoft.Extensions.Time.Testing;

namespace Invitations.IntegrationTests.Support;

/// <summary>No workers and a fake clock that starts at the current (whole) second and moves only when a test advances it.</summary>
public class ClockApiFactory : NoWorkersApiFactory
{
    public ClockApiFactory()
    {
        var now = DateTimeOffset.UtcNow;
        Clock = new FakeTimeProvider(new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
    }

    public FakeTimeProvider FakeClock => Clock!;
}
