using System.Net.Http.Json;
using System.Text.Json;

namespace CafeIA.Bench;

/// <summary>A session made over HTTP: its join code and the keys of its facilitator and projector.</summary>
public sealed record CreatedSession(string JoinCode, string FacilitatorKey, string ProjectorKey);

/// <summary>
/// Our service as a benchmark runs it, every part its own process. Embedded: one gateway process
/// co-hosting the silo, SQLite in a temp folder. PostgreSQL: a throwaway PostgreSQL server (fsync
/// on), the schema migration, one silo process and one gateway process (or more: see
/// <see cref="Cluster"/>) joined to it as Orleans clients. The gateway's CPU time and memory are
/// the ones reported, or every server's (<see cref="Servers"/>).
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    private readonly List<ServerProcess> _processes = [];
    private readonly List<ServerProcess> _gateways = [];
    private PostgresServer? _postgres;
    private string? _dataDirectory;

    /// <summary>The (first) gateway.</summary>
    public ServerProcess Gateway => _gateways[0];

    /// <summary>Every gateway process, in the order they started.</summary>
    public IReadOnlyList<ServerProcess> Gateways => _gateways;

    /// <summary>Every server process: the silo (cluster deployment only), then the gateways.</summary>
    public IReadOnlyList<ServerProcess> Servers => _processes;

    public Uri Hub => HubAt(Gateway.Address);

    public static Uri HubAt(Uri address) => new(address, "/hubs/cafe");

    /// <summary>What every benchmark lifts: the per-address caps (all clients share 127.0.0.1) and the question burst.</summary>
    private static readonly string[] Common =
    [
        "--Logging:LogLevel:Default=Warning",
        "--Limits:UnjoinedConnectionsPerAddress=1000000",
        "--Limits:SessionCreationBurstPerAddress=1000000",
        "--Limits:ProgrammeCreationBurstPerAddress=1000000",
        "--Limits:RegistrationBurstPerAddress=1000000",
        "--Limits:QuestionBurstPerParticipant=1000000",
    ];

    public static Task<Deployment> Start(BenchOptions options) =>
        options.Storage == BenchOptions.Postgres ? Cluster(options) : Embedded(options);

    /// <summary>The embedded gateway (co-hosted silo, SQLite), listening on these loopback addresses, with these settings added.</summary>
    public static async Task<Deployment> Embedded(BenchOptions options, IReadOnlyList<string>? hosts = null, IReadOnlyList<string>? settings = null)
    {
        var deployment = new Deployment { _dataDirectory = Directory.CreateTempSubdirectory("cafeia-bench-").FullName };
        try
        {
            deployment._gateways.Add(await deployment.Add(ServerProcess.StartOn(hosts ?? ["127.0.0.1"], Binary(options, "Gateway", "CafeIA.Gateway.dll"),
            [
                .. Common,
                $"--Storage:DataDirectory={deployment._dataDirectory}",
                $"--Cluster:SiloPort={ServerProcess.FreePort()}",
                $"--Cluster:GatewayPort={ServerProcess.FreePort()}",
                .. settings ?? [],
            ])));
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
        return deployment;
    }

    /// <summary>
    /// The cluster deployment on PostgreSQL: migrate, one silo, then `gateways` gateway processes in
    /// client mode on that cluster (one after the other), each on its own port of these loopback
    /// addresses.
    /// </summary>
    public static async Task<Deployment> Cluster(BenchOptions options, int gateways = 1, IReadOnlyList<string>? hosts = null)
    {
        var deployment = new Deployment();
        try
        {
            deployment._postgres = await PostgresServer.Start();
            var clusterId = $"bench-{Guid.NewGuid():N}";
            string[] cluster =
            [
                .. Common,
                "--Storage:Provider=PostgreSql",
                $"--Storage:ConnectionString={deployment._postgres.ConnectionString}",
                "--Storage:ApplySchema=false",
                "--Cluster:Clustering=AdoNet",
                $"--Cluster:ClusterId={clusterId}",
                $"--Cluster:ServiceId={clusterId}",
            ];
            var silo = Binary(options, "Silo", "CafeIA.Silo.dll");
            await Command.Run("dotnet", [silo, "migrate", .. cluster]);
            await deployment.Add(ServerProcess.Start(silo,
            [
                .. cluster,
                "--Cluster:AdvertisedIP=127.0.0.1",
                $"--Cluster:SiloPort={ServerProcess.FreePort()}",
                $"--Cluster:GatewayPort={ServerProcess.FreePort()}",
            ]));
            for (var i = 0; i < gateways; i++)
            {
                deployment._gateways.Add(await deployment.Add(ServerProcess.StartOn(hosts ?? ["127.0.0.1"], Binary(options, "Gateway", "CafeIA.Gateway.dll"), [.. cluster, "--Gateway:Mode=Client"])));
            }
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
        return deployment;
    }

    /// <summary>Creates a session through the HTTP API, as the facilitator's page does (on this gateway, by default the first).</summary>
    public async Task<CreatedSession> CreateSession(HttpClient http, string title, ServerProcess? gateway = null)
    {
        var response = await http.PostAsJsonAsync(new Uri((gateway ?? Gateway).Address, "/api/sessions"), new { title });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new CreatedSession(created.GetProperty("joinCode").GetString()!, created.GetProperty("facilitatorKey").GetString()!, created.GetProperty("projectorKey").GetString()!);
    }

    public async Task<CreatedSession> CreateSession(string title)
    {
        using var http = new HttpClient();
        return await CreateSession(http, title);
    }

    public async ValueTask DisposeAsync()
    {
        // Gateways first (last started first), then the silo, then the database they write to.
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            await _processes[i].DisposeAsync();
        }
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_dataDirectory is not null)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task<ServerProcess> Add(Task<ServerProcess> starting)
    {
        var process = await starting;
        _processes.Add(process);
        return process;
    }

    /// <summary>A project's build output in the configuration asked for (--configuration, default Release).</summary>
    public static string Binary(BenchOptions options, string project, string dll) =>
        Path.Combine(RepositoryRoot(), project, "bin", options.Configuration, "net10.0", dll);

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CafeIA.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Run from the repository.");
    }
}
