namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// The cluster deployment on loopback, every part its own process: PostgreSQL (shared fixture),
/// the schema migration, N silos and M gateways (Orleans clients). Failure detection is tightened
/// so a killed silo is declared dead in a few seconds instead of the default 10–20.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    public List<ServiceProcess> Silos { get; } = [];
    public List<ServiceProcess> Gateways { get; } = [];
    public Dictionary<ServiceProcess, int> SiloPorts { get; } = [];
    public string[] CommonArgs { get; }

    private LocalCluster(string[] commonArgs) => CommonArgs = commonArgs;

    public static async Task<LocalCluster> Start(PostgresServer postgres, int silos = 2, int gateways = 2)
    {
        var clusterId = $"test-{Guid.NewGuid():N}";
        string[] common =
        [
            "--Storage:Provider=PostgreSql",
            $"--Storage:ConnectionString={postgres.ConnectionString}",
            "--Storage:ApplySchema=false",
            "--Cluster:Clustering=AdoNet",
            $"--Cluster:ClusterId={clusterId}",
            $"--Cluster:ServiceId={clusterId}",
            "--Cluster:ResponseTimeout=00:00:05",
            "--Logging:LogLevel:Default=Warning",
            // Load tests of their own: many calls per participant from one address.
            "--Limits:QuestionBurstPerParticipant=10000",
        ];
        await ServiceProcess.Migrate(common);
        var cluster = new LocalCluster(common);
        try
        {
            for (var i = 0; i < silos; i++)
            {
                await cluster.AddSilo();
            }
            for (var i = 0; i < gateways; i++)
            {
                cluster.Gateways.Add(await ServiceProcess.Start($"gateway{i + 1}", "Gateway", "CafeIA.Gateway.dll",
                    [.. common, "--Gateway:Mode=Client", "--Fanout:RenewalPeriod=00:00:01"]));
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    public async Task<ServiceProcess> AddSilo()
    {
        var port = Ports.Free();
        var silo = await ServiceProcess.Start($"silo{Silos.Count + 1}", "Silo", "CafeIA.Silo.dll",
        [
            .. CommonArgs,
            "--Cluster:AdvertisedIP=127.0.0.1",
            $"--Cluster:SiloPort={port}",
            $"--Cluster:GatewayPort={Ports.Free()}",
            "--Cluster:Membership:ProbeTimeout=00:00:01",
            "--Cluster:Membership:NumMissedProbesLimit=2",
            "--Cluster:Membership:NumVotesForDeathDeclaration=1",
            "--Cluster:Membership:TableRefreshTimeout=00:00:01",
            "--Cluster:Membership:IAmAliveTablePublishTimeout=00:00:02",
        ]);
        Silos.Add(silo);
        SiloPorts[silo] = port;
        return silo;
    }

    /// <summary>The silo process a RuntimeIdentity ("S127.0.0.1:port:generation") names.</summary>
    public ServiceProcess SiloAt(string runtimeIdentity)
    {
        var port = int.Parse(runtimeIdentity.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        return SiloPorts.Single(s => s.Value == port).Key;
    }

    public string Logs() => string.Join("\n", Silos.Concat(Gateways).Select(p => $"===== {p.Name} =====\n{p.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Gateways.Concat(Silos))
        {
            await process.DisposeAsync();
        }
    }
}
