namespace Invitations.IntegrationTests.Support;

/// <summary>
/// How a test host is shaped. Four kinds cover the suite — <see cref="Service"/>, <see cref="Manual"/>, <see cref="Browser"/>
/// and the observed host (<see cref="ObservedHost"/>); a class that needs a setting of its own composes it onto a kind with
/// <see cref="With"/> and runs it as <see cref="ApiFactory{TSettings}"/>.
/// </summary>
public sealed record ApiHostOptions
{
    /// <summary>
    /// The service as deployed: job workers, the real clock; webhooks may go to loopback receivers and back off 1, 2 and 4 s.
    /// Most classes share one (<see cref="ServiceHostCollection"/>).
    /// </summary>
    public static ApiHostOptions Service { get; } = new ApiHostOptions().With(
        ("Webhooks:AllowPrivateNetworks", "true"),
        ("Webhooks:RetryDelaysSeconds:0", "1"),
        ("Webhooks:RetryDelaysSeconds:1", "2"),
        ("Webhooks:RetryDelaysSeconds:2", "4"));

    /// <summary>
    /// No job workers and a clock that moves only when the test moves it: the test runs the dispatch or a maintenance command
    /// when it chooses, and travels in time. A claim's lease is 2 s, so a test can outlast it.
    /// </summary>
    public static ApiHostOptions Manual { get; } = new ApiHostOptions { Workers = false, FakeClock = true }.With(("Email:ClaimLease", "00:00:02"));

    /// <summary>On a real loopback port, so Chromium can reach it and the emailed links point at it; the clock is the test's.</summary>
    public static ApiHostOptions Browser { get; } = new() { Kestrel = true, FakeClock = true };

    /// <summary>Off: jobs are queued but never run.</summary>
    public bool Workers { get; init; } = true;

    /// <summary>A clock that starts at the current whole second and moves only when a test advances it.</summary>
    public bool FakeClock { get; init; }

    /// <summary>On a real loopback port instead of in memory.</summary>
    public bool Kestrel { get; init; }

    /// <summary>Settings on top of the tests' own.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>These options with more settings (a later value wins).</summary>
    public ApiHostOptions With(params (string Key, string? Value)[] settings)
    {
        var merged = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        return this with { Settings = merged };
    }
}
