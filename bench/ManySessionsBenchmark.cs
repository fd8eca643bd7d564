using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// Many small sessions: S sessions of P participants each (default 1,000 × 12), all connected at
/// once to the embedded gateway. Measures the server's working set and managed heap when idle
/// (started, nothing created, nothing connected) and with every participant joined, and reports
/// the growth per connected participant (above idle, so the sessions' own state is part of it).
/// Baseline in the same run: the bare hub with the same S × P connections, each entering its
/// room's group (S groups of P), with the same measures. Both are measured 3 s after start and
/// 3 s after the last join: the working set from /proc, then the heap after a full collection
/// forced from outside (see <see cref="ServerMemory"/>). Each server listens on 127.0.0.1–127.0.0.4
/// and the clients take them in turn, so that no address pair comes near the ~28,000 ephemeral
/// ports it has; the open-files limit (20,000 here) caps this process at about 19,000 clients.
/// </summary>
public static class ManySessionsBenchmark
{
    private static readonly string[] Loopbacks = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public sealed record Measure(ServerMemory Idle, ServerMemory Connected, int Connections, int Failed)
    {
        public double WorkingSetPerConnection => (double)(Connected.WorkingSetBytes - Idle.WorkingSetBytes) / Connections;
        public double WorkingSetAfterCollectionPerConnection => (double)(Connected.WorkingSetAfterCollectionBytes - Idle.WorkingSetAfterCollectionBytes) / Connections;
        public double HeapPerConnection => (double)(Connected.HeapBytes - Idle.HeapBytes) / Connections;
        public double CommittedPerConnection => (double)(Connected.CommittedBytes - Idle.CommittedBytes) / Connections;
    }

    public static async Task<int> Run(BenchOptions options)
    {
        var connections = options.Sessions * options.PerSession;
        if (OpenFilesLimit() is { } limit && connections + 1_000 > limit)
        {
            Console.Error.WriteLine($"{connections:N0} connections need more than this process's {limit:N0} open files (ulimit -n): run fewer sessions.");
            return 2;
        }
        var ours = await MeasureGateway(options);
        var bare = await MeasureBare(options);
        // | sessions × participants | gateway working set idle → connected | gateway heap idle → connected | per participant, working set ours / bare (ratio) | per participant, heap ours / bare (ratio) |
        // per participant, working set after the full collection ours / bare (ratio) | per participant, committed by the GC after it ours / bare (ratio) | failed joins ours / bare |
        Console.WriteLine(
            $"| {options.Sessions:N0} × {options.PerSession} | {Stats.Mb(ours.Idle.WorkingSetBytes)} → {Stats.Mb(ours.Connected.WorkingSetBytes)} MB | " +
            $"{Stats.Mb(ours.Idle.HeapBytes)} → {Stats.Mb(ours.Connected.HeapBytes)} MB | " +
            $"{Kb(ours.WorkingSetPerConnection)} / {Kb(bare.WorkingSetPerConnection)} KB ({Stats.Ratio(ours.WorkingSetPerConnection, bare.WorkingSetPerConnection)}) | " +
            $"{Kb(ours.HeapPerConnection)} / {Kb(bare.HeapPerConnection)} KB ({Stats.Ratio(ours.HeapPerConnection, bare.HeapPerConnection)}) | " +
            $"{Kb(ours.WorkingSetAfterCollectionPerConnection)} / {Kb(bare.WorkingSetAfterCollectionPerConnection)} KB ({Stats.Ratio(ours.WorkingSetAfterCollectionPerConnection, bare.WorkingSetAfterCollectionPerConnection)}) | " +
            $"{Kb(ours.CommittedPerConnection)} / {Kb(bare.CommittedPerConnection)} KB ({Stats.Ratio(ours.CommittedPerConnection, bare.CommittedPerConnection)}) | " +
            $"{ours.Failed} / {bare.Failed} |");
        return ours.Failed == 0 && bare.Failed == 0 ? 0 : 1;
    }

    private static async Task<Measure> MeasureGateway(BenchOptions options)
    {
        await using var deployment = await Deployment.Embedded(options, Loopbacks);
        var server = deployment.Gateway;
        using var http = new HttpClient();
        await Task.Delay(Settle);
        var idle = await ServerMemory.OfGateway(server, http);

        var sessions = new List<CreatedSession>(options.Sessions);
        foreach (var chunk in Enumerable.Range(0, options.Sessions).Chunk(50))
        {
            sessions.AddRange(await Task.WhenAll(chunk.Select(i => deployment.CreateSession(http, $"Café {i}"))));
        }
        var (clients, latencies) = await HubClients.JoinMany(options.Sessions * options.PerSession, i => Deployment.HubAt(server.Addresses[i % server.Addresses.Count]),
            (c, i) => c.Call("JoinSession", sessions[i / options.PerSession].JoinCode, new { displayName = $"P{i}", mode = i % 2 == 0 ? "onsite" : "remote" }));
        return await Connected(clients, latencies, idle, () => ServerMemory.OfGateway(server, http));
    }

    private static async Task<Measure> MeasureBare(BenchOptions options)
    {
        await using var server = await BareServer.Start(options, Loopbacks);
        using var http = new HttpClient();
        await Task.Delay(Settle);
        var idle = await ServerMemory.OfBare(server, http);
        var (clients, latencies) = await HubClients.JoinMany(options.Sessions * options.PerSession, i => BareServer.HubAt(server.Addresses[i % server.Addresses.Count]),
            (c, i) => c.Call("Join", $"room-{i / options.PerSession}"));
        return await Connected(clients, latencies, idle, () => ServerMemory.OfBare(server, http));
    }

    private static async Task<Measure> Connected(List<HubConnection> clients, double[] latencies, ServerMemory idle, Func<Task<ServerMemory>> read)
    {
        await Task.Delay(Settle);
        var connected = await read();
        await HubClients.DisposeAll(clients);
        return new Measure(idle, connected, clients.Count, latencies.Count(double.IsNaN));
    }

    private static string Kb(double bytes) => $"{bytes / 1024:F1}";

    /// <summary>This process's soft limit on open files (each connection holds one), from /proc.</summary>
    public static int? OpenFilesLimit()
    {
        var line = File.Exists("/proc/self/limits") ? File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) : null;
        return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, _, var soft, ..] && int.TryParse(soft, out var limit) ? limit : null;
    }
}
