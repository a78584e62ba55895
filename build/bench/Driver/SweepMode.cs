using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Invitations.Application;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using Invitations.Infrastructure;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bench;

/// <summary>
/// Expiry sweep: the service's ExpireOverdueInvitationsCommand, sent through MediatR in a container built with the
/// service's own AddApplication + AddInfrastructure (so the real handler, DbContext and SQL run), against one raw
/// UPDATE on --copy-table, an identical copy of the seeded rows. Both run under the same concurrent create load
/// against the API; --order says which goes first (the script alternates it between runs) and a CHECKPOINT
/// between them keeps one's dirty pages from being written on the other's time.
/// </summary>
internal static class SweepMode
{
    public static async Task<int> RunAsync(Options options)
    {
        var connection = options["connection"];
        var copyTable = options["copy-table"];
        var clock = new SettableClock();
        await using var services = BuildServices(connection, clock);
        await using var raw = NpgsqlDataSource.Create(connection);
        using var api = new Api(options["api"], options["workspace"], options["key"], options.Int("concurrency", 4));
        var load = new CreateLoad(api, options.Int("concurrency", 4), options.Int("rate", 0), options["prefix"]);

        // Warm-up, so neither side pays for JIT, EF's model and query compilation or opening connections:
        // the real command with the clock in 2000 (matches no row), and one trivial raw statement.
        clock.Fixed = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await ExpireAsync(services);
        clock.Fixed = null;
        await ExecuteAsync(raw, "SELECT 1");
        await load.WarmUpAsync();

        var phases = new (string Name, Func<Task<int>> Run)[]
        {
            ("service", () => ExpireAsync(services)),
            ("raw", () => ExecuteAsync(raw, $"UPDATE {copyTable} SET status = 'expired' WHERE status = 'pending' AND expires_at < now()")),
        };
        if (options.Text("order", "service-first") == "raw-first")
        {
            Array.Reverse(phases);
        }

        foreach (var (name, run) in phases)
        {
            await ExecuteAsync(raw, "CHECKPOINT");
            var (seconds, rows, stats) = await load.RunDuringAsync(run);
            Report.Write($"{name}_seconds", seconds);
            Report.Write($"{name}_rows", rows);
            Report.Write($"{name}_load_requests", stats.Requests);
            Report.Write($"{name}_load_errors", stats.Errors);
            Report.Write($"{name}_load_p99_ms", stats.P99Milliseconds);
        }

        return 0;
    }

    private static ServiceProvider BuildServices(string connection, TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Invitations"] = connection,
            ["Hangfire:ServerEnabled"] = "false", // Only the command runs here; the API's workers do the rest.
            ["Security:EncryptionKeys:0"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), // the sweep reads no secret
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddApplication()
            .AddInfrastructure(configuration);
        services.AddSingleton(clock); // Registered last, so it replaces TimeProvider.System for the handler.
        return services.BuildServiceProvider();
    }

    private static async Task<int> ExpireAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExpireOverdueInvitationsCommand());
    }

    private static async Task<int> ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = 0; // A million-row UPDATE on a busy machine may take minutes; time it, don't cut it.
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The system clock, unless a test moment is set (the warm-up's "year 2000").</summary>
    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset? Fixed { get; set; }

        public override DateTimeOffset GetUtcNow() => Fixed ?? System.GetUtcNow();
    }
}

/// <summary>
/// Creates through the API from a few concurrent clients for exactly as long as a timed operation runs: paced to
/// <paramref name="rate"/> creates per second in all (each client keeps its own schedule and sends at once when it is
/// behind), or as fast as the clients can go when the rate is 0.
/// </summary>
internal sealed class CreateLoad(Api api, int concurrency, int rate, string prefix)
{
    private int _sequence;

    public sealed record Stats(int Requests, int Errors, double P99Milliseconds);

    public Task WarmUpAsync() => Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => api.CreateAsync(NextEmail())));

    public async Task<(double Seconds, int Result, Stats Load)> RunDuringAsync(Func<Task<int>> operation)
    {
        using var stop = new CancellationTokenSource();
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var interval = rate > 0 ? TimeSpan.FromSeconds((double)concurrency / rate) : TimeSpan.Zero;
        var clients = Enumerable.Range(0, concurrency).Select(client => Task.Run(async () =>
        {
            var clientStart = Stopwatch.GetTimestamp();
            for (var sent = 0; !stop.IsCancellationRequested; sent++)
            {
                // Clients start spread over one interval, so a paced load does not arrive in bursts of all of them.
                var due = interval * (sent + (double)client / concurrency) - Stopwatch.GetElapsedTime(clientStart);
                if (due > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(due, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                var (status, _, ms) = await api.CreateAsync(NextEmail());
                latencies.Add(ms);
                if (!Api.IsCreated(status))
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToList();

        var started = Stopwatch.GetTimestamp();
        var result = await operation();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        var sorted = latencies.Order().ToList();
        return (seconds, result, new Stats(sorted.Count, errors, Report.Percentile(sorted, 99)));
    }

    private string NextEmail() => $"{prefix}-{Interlocked.Increment(ref _sequence)}@bench.invalid";
}
