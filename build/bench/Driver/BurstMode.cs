using System.Collections.Concurrent;
using System.Globalization;

namespace Bench;

/// <summary>
/// Email pipeline under a burst: --count creates as fast as --concurrency clients go, then waits for every one of
/// those addresses in the sink's log. Reports the time from the last 201 to the last accepted message (what a
/// customer importing a list waits for) and per-email latency (201 → SMTP arrival, matched by recipient).
/// </summary>
internal static class BurstMode
{
    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Int("count");
        var concurrency = options.Int("concurrency", 32);
        var prefix = options["prefix"];
        var sinkLog = options["sink-log"];
        var timeout = TimeSpan.FromSeconds(options.Int("timeout-seconds", 300));
        using var api = new Api(options["api"], options["workspace"], options["key"], concurrency);

        var logStart = new FileInfo(sinkLog).Length; // Only deliveries logged from now on can be ours.
        var started = DateTimeOffset.UtcNow;
        var (created, errors) = await CreateAllAsync(api, count, concurrency, prefix);
        var lastCreated = created.Values.DefaultIfEmpty(started).Max();

        var arrived = await WaitForDeliveriesAsync(sinkLog, logStart, created, timeout);
        var latencies = arrived.Select(a => (a.Value - created[a.Key]).TotalMilliseconds).Order().ToList();
        var lastArrival = arrived.Values.DefaultIfEmpty(lastCreated).Max();

        Report.Write("created", created.Count);
        Report.Write("create_errors", errors);
        Report.Write("create_seconds", (lastCreated - started).TotalSeconds);
        Report.Write("delivered", arrived.Count);
        Report.Write("undelivered", created.Count - arrived.Count);
        // An email can land before its own 201 reaches the client; "no wait" then, never a negative one.
        Report.Write("burst_seconds", Math.Max(0, (lastArrival - lastCreated).TotalSeconds));
        Report.Write("latency_p50_ms", Report.Percentile(latencies, 50));
        Report.Write("latency_p95_ms", Report.Percentile(latencies, 95));
        return 0;
    }

    /// <summary>
    /// Creates "{prefix}-1@bench.invalid" … "{prefix}-{count}@…" from <paramref name="concurrency"/> clients; returns
    /// the addresses that got a 201 (with the time it arrived) and how many did not.
    /// </summary>
    internal static async Task<(ConcurrentDictionary<string, DateTimeOffset> Created, int Errors)> CreateAllAsync(
        Api api, int count, int concurrency, string prefix)
    {
        var created = new ConcurrentDictionary<string, DateTimeOffset>();
        var errors = 0;
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i <= count; i = Interlocked.Increment(ref next))
            {
                var email = $"{prefix}-{i}@bench.invalid";
                var (status, at, _) = await api.CreateAsync(email);
                if (Api.IsCreated(status))
                {
                    created[email] = at;
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        return (created, errors);
    }

    /// <summary>Tails the sink's log (from <paramref name="offset"/>) until every created address has arrived.</summary>
    internal static async Task<Dictionary<string, DateTimeOffset>> WaitForDeliveriesAsync(
        string sinkLog, long offset, IReadOnlyDictionary<string, DateTimeOffset> created, TimeSpan timeout)
    {
        var arrived = new Dictionary<string, DateTimeOffset>();
        await using var stream = new FileStream(sinkLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var partial = "";
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (arrived.Count < created.Count && DateTimeOffset.UtcNow < deadline)
        {
            var text = partial + await reader.ReadToEndAsync();
            var end = text.LastIndexOf('\n');
            partial = text[(end + 1)..]; // A line still being written is finished on the next read.
            foreach (var line in text[..Math.Max(end, 0)].Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var space = line.IndexOf(' ');
                var recipient = line[(space + 1)..];
                if (created.ContainsKey(recipient))
                {
                    var micros = long.Parse(line[..space], CultureInfo.InvariantCulture);
                    arrived.TryAdd(recipient, DateTimeOffset.UnixEpoch.AddTicks(micros * 10));
                }
            }

            if (arrived.Count < created.Count)
            {
                await Task.Delay(50);
            }
        }

        return arrived;
    }
}
