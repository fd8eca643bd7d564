using System.Diagnostics;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for one test class: a fresh cluster in a temp folder on a free
/// loopback port, started and stopped with the Debian package's own binaries (no Docker here).
/// When the tests run as root (CI), the server runs as the "postgres" user: initdb refuses root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private string _bin = "";
    private string DataDir => Path.Combine(_root.Path, "data");

    public int Port { get; } = Ports.Free();

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true";

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        if (Environment.UserName == "root")
        {
            await Run("chown", ["-R", "postgres", _root.Path]);
        }
        await RunPostgres("initdb", ["-D", DataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
        await Start();
    }

    private bool _running;

    /// <summary>Starts the server (again, after <see cref="Stop"/>) on the same port and data.</summary>
    public async Task Start()
    {
        await RunPostgres("pg_ctl", ["-D", DataDir, "-o", $"-p {Port} -k {_root.Path} -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "start"]);
        _running = true;
    }

    /// <summary>Stops the server as an operator's restart does ("fast": connections are closed, nothing committed is lost).</summary>
    public async Task Stop()
    {
        await RunPostgres("pg_ctl", ["-D", DataDir, "-m", "fast", "-w", "stop"]);
        _running = false;
    }

    public async Task DisposeAsync()
    {
        if (_running)
        {
            await RunPostgres("pg_ctl", ["-D", DataDir, "-m", "immediate", "-w", "stop"]);
        }
        _root.Dispose();
    }

    private static string FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
              ?? throw new InvalidOperationException("PostgreSQL server binaries not found: run ./test.sh, which installs postgresql.")
            : throw new InvalidOperationException("PostgreSQL is not installed: run ./test.sh, which installs postgresql.");

    private Task RunPostgres(string tool, string[] args) =>
        Environment.UserName == "root"
            ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : Run(Path.Combine(_bin, tool), args);

    private static async Task Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
