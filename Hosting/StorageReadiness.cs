using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CafeIA.Hosting;

/// <summary>
/// Degraded while this process's session store fails (disk full, database unreachable): the
/// process still serves what is in memory and refuses writes as <c>unavailable</c>, so it stays in
/// the load balancer, but an operator sees why. Healthy where no store runs (a client gateway).
/// </summary>
internal sealed class StorageReadiness(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = services.GetService<StorageHealth>();
        return Task.FromResult(health?.Fault is { } fault
            ? HealthCheckResult.Degraded($"The session store fails since {fault.Since:O}: {fault.Error}")
            : HealthCheckResult.Healthy(health is null ? "No session store in this process" : "The session store answers"));
    }
}
