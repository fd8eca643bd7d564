using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// Join wave: N participants open a connection and join one session as fast as they can, 100 at a
/// time (each batch of 100 starts when the previous one has joined). Per join, the latency runs
/// from starting the connection (WebSocket and SignalR handshake included) to the JoinSession
/// result. Reported with the wave's duration, joins per second, failed joins, the server's CPU
/// time during the wave and its working set right after, against a bare SignalR hub where the
/// same N clients connect and make one small call (enter a group, get a small object back), in
/// the same run. The load generator warms its own code first against a bare hub of its own, then
/// both servers get the same 20-join warm-up (JIT, pools); none of it is counted. At the
/// end the facilitator's snapshot must count exactly N attendees (onsite + remote).
/// </summary>
public static class JoinWaveBenchmark
{
    /// <summary>Joins made on each server before its measured wave (--warm-up), not counted.</summary>
    private static int WarmUp(BenchOptions options) => options.WarmUp ?? 20;

    public sealed record Wave(List<double> Latencies, int Errors, TimeSpan Duration, TimeSpan ServerCpu, long WorkingSetBytes, TimeSpan ClientCpu)
    {
        public double P50 => Stats.Percentile(Latencies, 0.5);
        public double P99 => Stats.Percentile(Latencies, 0.99);
        public double JoinsPerSecond => Latencies.Count / Duration.TotalSeconds;
    }

    /// <summary>
    /// Joins the load generator makes against a bare hub of its own before either measured wave,
    /// not counted. Without them, the wave measured first ran the load generator's own client code
    /// while the JIT was still compiling it, on the cores both share: that wave's server looked
    /// about half as fast as the other, whichever server went first (docs/BENCHMARKS.md, "Join wave").
    /// </summary>
    private const int LoadGeneratorWarmUp = 2000;

    public static async Task<int> Run(BenchOptions options)
    {
        await WarmLoadGenerator(options);
        var (ours, attendees) = await MeasureGateway(options);
        var bare = await MeasureBare(options);
        // | clients | bare p50 / p99 | ours p50 / p99 | p99 ratio | wave ours / bare | joins/s ours / bare | failed ours / bare | server CPU ours / bare (ratio) | working set ours / bare | attendees counted |
        Console.WriteLine(
            $"| {options.Clients:N0} | {bare.P50:F0} / {bare.P99:F0} ms | {ours.P50:F0} / {ours.P99:F0} ms | {Stats.Ratio(ours.P99, bare.P99)} | " +
            $"{ours.Duration.TotalSeconds:F2} / {bare.Duration.TotalSeconds:F2} s | {ours.JoinsPerSecond:F0} / {bare.JoinsPerSecond:F0} | {ours.Errors} / {bare.Errors} | " +
            $"{ours.ServerCpu.TotalMilliseconds:F0} / {bare.ServerCpu.TotalMilliseconds:F0} ms ({Stats.Ratio(ours.ServerCpu.TotalMilliseconds, bare.ServerCpu.TotalMilliseconds)}) | " +
            $"{Stats.Mb(ours.WorkingSetBytes)} / {Stats.Mb(bare.WorkingSetBytes)} MB | {attendees:N0} |");
        // Both share the machine's cores with the load generator: what the wave cost it, per join.
        Console.Error.WriteLine($"load generator CPU per join: against ours {ours.ClientCpu.TotalMilliseconds / options.Clients:F3} ms, " +
            $"against the bare hub {bare.ClientCpu.TotalMilliseconds / options.Clients:F3} ms; servers {ours.ServerCpu.TotalMilliseconds / options.Clients:F3} / {bare.ServerCpu.TotalMilliseconds / options.Clients:F3} ms");
        return ours.Errors == 0 && bare.Errors == 0 && attendees == options.Clients ? 0 : 1;
    }

    private static async Task<(Wave, int Attendees)> MeasureGateway(BenchOptions options)
    {
        await using var deployment = await Deployment.Embedded(options);
        var hub = deployment.Hub;
        var warmUp = await deployment.CreateSession("Warm-up");
        var (warmUpClients, _) = await HubClients.JoinMany(WarmUp(options), _ => hub, (c, i) => c.Call("JoinSession", warmUp.JoinCode, Participant(i)));
        await HubClients.DisposeAll(warmUpClients);

        var session = await deployment.CreateSession("Join wave");
        var facilitator = await HubClients.Join(hub, session.JoinCode, new { key = session.FacilitatorKey });
        var (wave, clients) = await Measure(deployment.Gateway, options.Clients, hub,
            (c, i) => c.Call("JoinSession", session.JoinCode, Participant(i)));
        var counts = (await facilitator.Call("GetSnapshot")).GetProperty("counts");
        var attendees = counts.GetProperty("onsite").GetInt32() + counts.GetProperty("remote").GetInt32();
        await HubClients.DisposeAll(clients.Append(facilitator));
        return (wave, attendees);
    }

    private static async Task WarmLoadGenerator(BenchOptions options)
    {
        await using var server = await BareServer.Start(options);
        var hub = BareServer.HubAt(server.Address);
        var (clients, _) = await HubClients.JoinMany(Math.Min(LoadGeneratorWarmUp, options.Clients), _ => hub, (c, _) => c.Call("Join", "load-generator"));
        await HubClients.DisposeAll(clients);
    }

    private static async Task<Wave> MeasureBare(BenchOptions options)
    {
        await using var server = await BareServer.Start(options);
        var hub = BareServer.HubAt(server.Address);
        var (warmUpClients, _) = await HubClients.JoinMany(WarmUp(options), _ => hub, (c, _) => c.Call("Join", "warm-up"));
        await HubClients.DisposeAll(warmUpClients);
        var (wave, clients) = await Measure(server, options.Clients, hub, (c, _) => c.Call("Join", "wave"));
        await HubClients.DisposeAll(clients);
        return wave;
    }

    /// <summary>Half onsite, half remote, so that both counts move.</summary>
    private static object Participant(int i) => new { displayName = $"P{i}", mode = i % 2 == 0 ? "onsite" : "remote" };

    private static async Task<(Wave, List<HubConnection>)> Measure(ServerProcess server, int count, Uri hub, Func<HubConnection, int, Task> join)
    {
        var cpu = server.CpuTime;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var (clients, latencies) = await HubClients.JoinMany(count, _ => hub, join);
        var duration = Stopwatch.GetElapsedTime(started);
        var wave = new Wave(latencies.Where(l => !double.IsNaN(l)).Order().ToList(), latencies.Count(double.IsNaN), duration, server.CpuTime - cpu, server.WorkingSet,
            Process.GetCurrentProcess().TotalProcessorTime - clientCpu);
        return (wave, clients);
    }
}
