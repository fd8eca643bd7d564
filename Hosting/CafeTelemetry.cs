using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CafeIA.Hosting;

/// <summary>Telemetry:Otlp:* — where traces go. No endpoint (the default): no tracer, no span recorded.</summary>
public sealed class OtlpOptions
{
    public const string Section = "Telemetry:Otlp";

    /// <summary>The collector, e.g. http://otel-collector:4317 (gRPC) or http://otel-collector:4318/v1/traces (HTTP).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>Share of traces kept (a call whose caller was sampled is always kept): 1 keeps all.</summary>
    public double SampleRatio { get; set; } = 1.0;
}

public static class CafeTelemetry
{
    /// <summary>The spans of one call's path: the hub invocation, the grain calls, the store write, the fan-out.</summary>
    public static TracerProviderBuilder AddCafeTraceSources(this TracerProviderBuilder tracing) =>
        tracing.AddSource(CafeTracing.SignalRSourceName, CafeTracing.OrleansSourceName, CafeTracing.SourceName);

    /// <summary>Exports traces over OTLP when <see cref="OtlpOptions.Endpoint"/> is set; off otherwise.</summary>
    public static WebApplicationBuilder AddCafeTracing(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration.GetSection(OtlpOptions.Section).Get<OtlpOptions>() ?? new();
        if (otlp.Endpoint is null)
        {
            return builder;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithTracing(tracing => tracing
                .AddCafeTraceSources()
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(otlp.SampleRatio)))
                .AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (otlp.Endpoint, otlp.Protocol)));
        return builder;
    }
}
