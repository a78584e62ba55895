namespace Invitations.IntegrationTests.Support;

/// <summary>No workers and a fake clock that starts at the current (whole) second and moves only when a test advances it.</summary>
public sealed class ClockApiFactory() : ApiFactory(new ApiHostOptions { Workers = false, FakeClock = true });
