using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace CafeIA.Hosting;

/// <summary>
/// What every Café IA host (silo, gateway) exposes for operators: liveness (the process answers),
/// readiness (the Orleans cluster answers; degraded while the session store fails), OpenTelemetry metrics in Prometheus format, and traces over OTLP when configured.
/// </summary>
public static class ServiceDefaults
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string MetricsPath = "/metrics";
    private const string ReadyTag = "ready";

    /// <summary>Tag combinations kept per metric stream; beyond it, measurements go to an overflow point.</summary>
    public const int MaxTagCombinations = 200;

    public static WebApplicationBuilder AddCafeServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterReadiness>("orleans-cluster", tags: [ReadyTag])
            .AddCheck<StorageReadiness>("session-store", tags: [ReadyTag]);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(CafeMetrics.MeterName)
            // Orleans' own instruments (messaging, grains, membership, storage).
            .AddMeter("Microsoft.Orleans")
            // Built into ASP.NET Core: requests, Kestrel and SignalR connections, routing, errors,
            // rate limiting, authentication and authorization, and the servers' memory pool.
            // Listened to directly: OpenTelemetry's ASP.NET Core instrumentation enables these
            // meters too, but also adds a middleware around every request (to tag 5xx responses
            // with `error.type`), which a hub connection keeps alive for its whole life (about 125
            // bytes per connection, measured); exceptions still set `error.type`.
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
                "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting",
                "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.MemoryPool")
            .AddRuntimeInstrumentation()
            // Every instrument's stream preallocates its cardinality limit in data points (2,000 by
            // default: about 175 KB each, 23 MB for the gateway's ~130 streams). Ours, Orleans' and
            // ASP.NET Core's have at most a few dozen tag combinations each.
            .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MaxTagCombinations })
            .AddPrometheusExporter());
        return builder.AddCafeTracing();
    }

    public static WebApplication MapCafeServiceEndpoints(this WebApplication app)
    {
        // Liveness is local: a slow database or a partitioned cluster must not get pods restarted.
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
