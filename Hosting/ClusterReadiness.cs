using Microsoft.Extensions.Diagnostics.HealthChecks;
using CafeIA.Grains.Abstractions;
using Orleans.Runtime;

namespace CafeIA.Hosting;

/// <summary>
/// Ready when the Orleans cluster has an active silo: a silo (or an embedded gateway) reads its own
/// membership snapshot, so a database outage leaves it ready (and degraded, StorageReadiness); a
/// client gateway asks the management grain, which reads the membership table, and when that fails
/// pings a silo: answered, it is degraded, not unhealthy.
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
            return await WithoutMembershipTable(ex, cancellationToken);
        }
    }

    /// <summary>
    /// The management grain reads the membership table, which fails while its database does: if a
    /// silo still answers, the gateway serves (writes are refused as unavailable by the silos), so it
    /// says degraded and stays in the load balancer; unhealthy only when no silo answers.
    /// </summary>
    private async Task<HealthCheckResult> WithoutMembershipTable(Exception tableError, CancellationToken cancellationToken)
    {
        try
        {
            var silo = await cluster.GetGrain<IClusterPingGrain>(0).Ping().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Degraded($"The membership table does not answer; silo {silo} does", tableError);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster does not answer", ex);
        }
    }
}
