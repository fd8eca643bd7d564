using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace CafeIA.Hosting;

/// <summary>
/// Ready when the Orleans cluster has an active silo: a silo (or an embedded gateway) reads its own
/// membership snapshot, so a database outage leaves it ready (and degraded, StorageReadiness); a
/// client gateway asks the management grain, which reads the membership table.
/// </summary>
internal sealed class ClusterReadiness(IClusterClient cluster, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService(typeof(LocalMembership)) is LocalMembership local)
        {
            var active = local.ActiveSilos;
            return active > 0 ? HealthCheckResult.Healthy($"{active} active silo(s)") : HealthCheckResult.Unhealthy("No active silo");
        }
        try
        {
            var hosts = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(Timeout, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("No active silo");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster does not answer", ex);
        }
    }
}
