using CafeIA.Grains.Abstractions;
using Orleans.Concurrency;

namespace CafeIA.Grains.Hosting;

/// <summary>A stateless worker on every silo: the local silo answers, with no storage and no directory entry.</summary>
[StatelessWorker]
internal sealed class ClusterPingGrain(ILocalSiloDetails silo) : Grain, IClusterPingGrain
{
    public Task<string> Ping() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
