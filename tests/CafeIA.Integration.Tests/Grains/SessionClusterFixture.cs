using CafeIA.Grains.Hosting;
using CafeIA.Hosting;
using CafeIA.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CafeIA.Integration.Tests.Grains;

/// <summary>An Orleans InProcessTestCluster running our grains on a real SQLite file.</summary>
public sealed class SessionClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path })
            .Build();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) => silo.AddCafeGrains(configuration).AddIncomingGrainCallFilter<InjectedFaults>());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _data.Dispose();
    }
}
