using Invitations.Application.Common;
using Invitations.Infrastructure.Jobs;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Invitations.Api.Observability;

/// <summary>
/// OpenTelemetry: traces (requests, Npgsql, outgoing HTTP and SMTP, the dispatch batches) and metrics (ASP.NET Core, the runtime,
/// the <c>Invitations</c> meter), exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Without it nothing is
/// collected at all, so the service pays nothing for telemetry nobody reads.
/// </summary>
public static class TelemetrySetup
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddInvitationsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[EndpointSetting] is { Length: > 0 })
        {
            // The standard OTEL_EXPORTER_OTLP_* and OTEL_SERVICE_NAME settings configure it further.
            services.AddInvitationsInstrumentation(configuration).UseOtlpExporter();
        }

        return services;
    }

    /// <summary>What is collected, for whichever exporter is added (OTLP here; the tests' in-memory one).</summary>
    public static OpenTelemetryBuilder AddInvitationsInstrumentation(this IServiceCollection services, IConfiguration configuration)
    {
        // MailKit's spans (connect, authenticate, send) are off until asked for, process-wide.
        MailKit.Telemetry.SmtpClient.Configure();
        return services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "invitations"))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new NoOrphanClientSpans()))
                .AddSource(Telemetry.Name, MailKit.Telemetry.SmtpClient.ActivitySourceName)
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(InvitationMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddInstrumentation(provider => provider.GetRequiredService<OutboxDepthGauge>()));
    }

    /// <summary>
    /// A client span (a query, an HTTP call) without a parent is a job server polling its queues or a dispatcher finding
    /// nothing to do, several a second on every node: dropped. Inside a request or a dispatch batch they are kept.
    /// </summary>
    private sealed class NoOrphanClientSpans : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            new(samplingParameters.Kind == System.Diagnostics.ActivityKind.Client ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
    }
}
