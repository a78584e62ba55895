using System.Diagnostics;
using Invitations.Api.Observability;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// The service with every log category at Debug, captured in <see cref="Logs"/>, webhooks allowed to loopback receivers,
/// and its OpenTelemetry instrumentation
/// exporting to memory: spans into <see cref="Spans"/> as they end, metrics into <see cref="Metrics"/> on
/// <see cref="FlushMetrics"/>. Activity sources and meters are process-wide, so its tests run alone (<see cref="ObservedHostCollection"/>).
/// </summary>
public sealed class ObservedHost() : ApiFactory(ApiHostOptions.Service.With(
    ("Logging:LogLevel:Default", "Debug"),
    ("Logging:LogLevel:Microsoft.AspNetCore", "Debug"),
    ("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Debug"),
    ("Logging:LogLevel:Hangfire", "Debug")))
{
    public CapturedLogs Logs { get; } = new();

    public Captured<Activity> Spans { get; } = new();

    public Captured<MetricSnapshot> Metrics { get; } = new();

    /// <summary>Exports every metric's current (cumulative) value into <see cref="Metrics"/>.</summary>
    public void FlushMetrics() => Services.GetRequiredService<MeterProvider>().ForceFlush();

    /// <summary>The sum of a counter's points (or the count of a histogram's recordings) at the last flush; 0 before any.</summary>
    public long Total(string metric) =>
        Metrics.Snapshot().LastOrDefault(m => m.Name == metric) is { } snapshot
            ? snapshot.MetricPoints.Sum(point => snapshot.MetricType == MetricType.Histogram ? point.GetHistogramCount() : point.GetSumLong())
            : 0;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services => services
            .AddInvitationsInstrumentation(new ConfigurationBuilder().Build())
            .WithTracing(tracing => tracing.AddInMemoryExporter(Spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(Metrics, reader =>
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)TimeSpan.FromMinutes(10).TotalMilliseconds)));
    }
}

/// <summary>
/// Classes that read the host's telemetry and logs: alone, since every host in the process feeds the same activity sources
/// and meters; each test on an empty database.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[ResetDatabase<ObservedHost>]
public sealed class ObservedHostCollection : ICollectionFixture<ObservedHost>
{
    public const string Name = "Observed";
}
