using System.Diagnostics;

namespace CafeIA.Bench;

/// <summary>A server under test in its own process (its CPU time and memory are read from /proc).</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    /// <summary>The first address it listens on.</summary>
    public Uri Address => Addresses[0];

    /// <summary>Every address it listens on: one port, one or more loopback addresses.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    private ServerProcess(Process process, IReadOnlyList<Uri> addresses) => (_process, Addresses) = (process, addresses);

    public static Task<ServerProcess> Start(string dll, params string[] args) => StartOn(["127.0.0.1"], dll, args);

    /// <summary>
    /// Starts `dotnet dll args` listening on one free port of each of these loopback addresses
    /// (Linux routes all of 127.0.0.0/8 to the loopback interface), and waits until
    /// /health/ready answers 200.
    /// </summary>
    public static async Task<ServerProcess> StartOn(IReadOnlyList<string> hosts, string dll, params string[] args)
    {
        var port = FreePort();
        var addresses = hosts.Select(h => new Uri($"http://{h}:{port}")).ToList();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var arg in args.Append($"--urls={string.Join(';', addresses.Select(a => a.ToString().TrimEnd('/')))}"))
        {
            start.ArgumentList.Add(arg);
        }
        // Every server, the bare hub included, runs with the collector and the JIT setting the
        // gateway and silo ship with (workstation GC, optimized code from the first call:
        // ServerGarbageCollection and TieredCompilationQuickJit false in their projects), so that
        // the ratios compare code, not runtime settings. The load generator keeps its own.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_TC_QuickJit"] = "0";
        // A runtime setting to compare on every server alike (the JIT's tiers, say):
        // CAFEIA_SERVER_DOTNET_TieredPGO=0 in the bench's environment is DOTNET_TieredPGO=0 for each.
        foreach (var (key, value) in ServerRuntimeSettings())
        {
            start.Environment[key] = value;
        }
        var name = Path.GetFileNameWithoutExtension(dll);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{name}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, addresses);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or not answering yet.
            }
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"{dll} did not start");
            }
            await Task.Delay(200);
        }
    }

    private const string ServerSettingPrefix = "CAFEIA_SERVER_";

    private static IEnumerable<(string Key, string Value)> ServerRuntimeSettings() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, (string?)e.Value ?? ""))
            .Where(e => e.Item1.StartsWith(ServerSettingPrefix + "DOTNET_", StringComparison.Ordinal))
            .Select(e => (e.Item1[ServerSettingPrefix.Length..], e.Item2));

    public int Id => _process.Id;

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public ValueTask DisposeAsync() => ChildProcess.Stop(_process);

    public static int FreePort() => Ports.Free();
}
