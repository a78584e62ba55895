using System.Globalization;

namespace Bench;

/// <summary>
/// Email rate, in two steps with an API restart between them (the script's doing):
/// <c>create</c> makes the backlog: --count creates from --concurrency clients against an API that sends no email,
/// writing each address that got a 201 to --addresses; <c>deliveries</c> then waits in the sink's log (from
/// --log-offset) for every one of those addresses, and reports the rate at which the sink accepted them.
/// </summary>
internal static class EmailRateMode
{
    public static async Task<int> CreateAsync(Options options)
    {
        var concurrency = options.Int("concurrency", 32);
        using var api = new Api(options["api"], options["workspace"], options["key"], concurrency);
        var started = DateTimeOffset.UtcNow;
        var (created, errors) = await BurstMode.CreateAllAsync(api, options.Int("count"), concurrency, options["prefix"]);
        await File.WriteAllLinesAsync(options["addresses"], created.Keys);

        Report.Write("created", created.Count);
        Report.Write("create_errors", errors);
        Report.Write("create_seconds", (DateTimeOffset.UtcNow - started).TotalSeconds);
        return 0;
    }

    public static async Task<int> DeliveriesAsync(Options options)
    {
        var owed = (await File.ReadAllLinesAsync(options["addresses"])).ToDictionary(a => a, _ => default(DateTimeOffset));
        // --since-micros is when the API was started, and the time limit counts from then.
        var since = DateTimeOffset.UnixEpoch.AddTicks(long.Parse(options["since-micros"], CultureInfo.InvariantCulture) * 10);
        var deadline = since + TimeSpan.FromSeconds(options.Int("timeout-seconds"));
        var arrived = await BurstMode.WaitForDeliveriesAsync(
            options["sink-log"], long.Parse(options["log-offset"], CultureInfo.InvariantCulture), owed,
            deadline - DateTimeOffset.UtcNow);
        var waitEnded = DateTimeOffset.UtcNow;

        var first = arrived.Values.DefaultIfEmpty(waitEnded).Min();
        var last = arrived.Values.DefaultIfEmpty(waitEnded).Max();
        // With some still owed at the limit, the rate is over the whole wait after the first email, not up to the
        // last one that made it: a drain that stalls must not look fast.
        var seconds = ((arrived.Count < owed.Count ? waitEnded : last) - first).TotalSeconds;
        Report.Write("delivered", arrived.Count);
        Report.Write("undelivered", owed.Count - arrived.Count);
        Report.Write("first_email_seconds", (first - since).TotalSeconds); // None at all: the whole wait.
        Report.Write("drain_seconds", seconds);
        Report.Write("emails_per_second", seconds > 0 ? arrived.Count / seconds : 0);
        return 0;
    }
}
