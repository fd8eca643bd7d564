using CafeIA.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CafeIA.Bench.Grain;

/// <summary>
/// One silo in this process, configured as the Silo process and the embedded gateway configure
/// theirs (<see cref="CafeSiloConfiguration.AddCafeSilo"/>), on SQLite in a folder or on PostgreSQL.
/// Stopping it and starting another on the same storage is a silo restart: every session reloads.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    public static async Task<InProcessSilo> Start(StorageChoice storage)
    {
        var builder = Host.CreateApplicationBuilder();
        // Errors only: the row is the last line, and Orleans' watchdog warns under this load.
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(storage.Settings)
        {
            ["Cluster:SiloPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.UseOrleans(silo => silo.AddCafeSilo(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>Where the sessions are stored: a SQLite file in a temp folder, or a throwaway PostgreSQL server (fsync on).</summary>
public sealed class StorageChoice : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly PostgresServer? _postgres;

    public string Name { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    private StorageChoice(string name, IReadOnlyDictionary<string, string?> settings, string? folder, PostgresServer? postgres) =>
        (Name, Settings, _folder, _postgres) = (name, settings, folder, postgres);

    public static async Task<StorageChoice> Open(string name)
    {
        if (name == "postgres")
        {
            var server = await PostgresServer.Start();
            return new StorageChoice("PostgreSQL", new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "PostgreSql",
                ["Storage:ConnectionString"] = server.ConnectionString,
            }, null, server);
        }
        var folder = Directory.CreateTempSubdirectory("cafeia-grain-bench-").FullName;
        return new StorageChoice("SQLite", new Dictionary<string, string?> { ["Storage:DataDirectory"] = folder }, folder, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
