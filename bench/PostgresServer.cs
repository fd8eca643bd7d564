namespace CafeIA.Bench;

/// <summary>
/// A throwaway PostgreSQL server for one run: a fresh cluster in a temp folder on a free loopback
/// port, started and stopped with the Debian package's own binaries. Unlike the tests' server it
/// keeps fsync on: the vote storm measures durable writes. As root, it runs as the "postgres" user
/// (initdb refuses root). It accepts <see cref="MaxConnections"/> connections, not PostgreSQL's
/// default 100: each server process's Npgsql pool may open up to 100 (its default Maximum Pool
/// Size), and with many sessions writing at once (the programme scenario's cafés starting, or
/// receiving a pushed poll) the silo's pool grew to its 100 and, with the gateways' own
/// connections, went past the default: refused with "53300: sorry, too many clients already".
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _bin;

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Room for the pools of one silo and up to three gateways (100 each at most), and the schema migration.</summary>
    public const int MaxConnections = 420;

    public int Port { get; } = Ports.Free();

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true";

    private PostgresServer(string root, string bin) => (_root, _bin) = (root, bin);

    public static async Task<PostgresServer> Start()
    {
        var server = new PostgresServer(Directory.CreateTempSubdirectory("cafeia-bench-pg-").FullName, Binaries());
        try
        {
            if (Environment.UserName == "root")
            {
                await Command.Run("chown", "-R", "postgres", server._root);
            }
            await server.Tool("initdb", "-D", server.DataDirectory, "-A", "trust", "-U", "postgres");
            await server.Tool("pg_ctl", "-D", server.DataDirectory, "-o", $"-p {server.Port} -k {server._root} -c listen_addresses=127.0.0.1 -c max_connections={MaxConnections}", "-w", "start");
        }
        catch
        {
            Directory.Delete(server._root, recursive: true);
            throw;
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await Tool("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");
        Directory.Delete(_root, recursive: true);
    }

    private static string Binaries() =>
        (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderDescending()
            .FirstOrDefault()
        ?? throw new InvalidOperationException("PostgreSQL server binaries not found: apt-get install -y postgresql.");

    private Task Tool(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? Command.Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : Command.Run(Path.Combine(_bin, tool), args);
}
