namespace Invitations.IntegrationTests.Support;

/// <summary>How a test host differs from the ordinary one: workers on, the real clock, an in-memory server.</summary>
public sealed record ApiHostOptions
{
    /// <summary>Off: jobs are queued but never run, so a test runs the dispatch or a maintenance command when it chooses.</summary>
    public bool Workers { get; init; } = true;

    /// <summary>A clock that starts at the current whole second and moves only when a test advances it.</summary>
    public bool FakeClock { get; init; }

    /// <summary>On a real loopback port, so a browser can reach it and the emailed links point at it.</summary>
    public bool Kestrel { get; init; }

    /// <summary>Settings on top of the tests' own.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
