using System.Diagnostics;
using System.Text.Json;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// Question fan-out: one question reaches N participants of one session. Latency is measured at
/// the receiving clients (send time to arrival, one clock: clients and sender share this process),
/// against a bare SignalR hub broadcasting the same payload to the same N clients in the same run.
/// </summary>
public static class FanoutBenchmark
{
    public sealed record Round(double P50, double P99, int Received, double ServerCpuMs);

    /// <summary>
    /// Between two rounds. Our gateway gives one session's participants at most
    /// Fanout:ParticipantMessagesPerSecond messages a second (20,000: two sends a second to 10,000
    /// screens); rounds closer than that measure the budget's wait, not the fan-out (200 ms apart,
    /// the 10,000 p99 was 284–302 ms; with the budget lifted, 216 ms). A second apart, each
    /// question arrives as a new question does in a café: after a quiet moment.
    /// </summary>
    private static readonly TimeSpan RoundPause = TimeSpan.FromSeconds(1);

    public sealed record Result(string Server, int Clients, List<Round> Rounds, long WorkingSetBytes)
    {
        public double MedianP99 => Median(r => r.P99);

        public double MedianP50 => Median(r => r.P50);

        /// <summary>
        /// Server CPU per round, the median over the rounds as for the p99: the first rounds after
        /// the join wave cost more (both servers; ours for about six rounds at 10,000, the bare hub
        /// for two), and an occasional round holds a collection; the mean is reported next to it.
        /// </summary>
        public double MedianCpuMs => Median(r => r.ServerCpuMs);

        public double MeanCpuMs => Rounds.Average(r => r.ServerCpuMs);

        private double Median(Func<Round, double> of) => Stats.Percentile([.. Rounds.Select(of).Order()], 0.5);
        public int Lost => Rounds.Sum(r => Clients - r.Received);
    }

    public static async Task<int> Run(BenchOptions options)
    {
        var ours = await MeasureGateway(options);
        var bare = await MeasureBare(options);
        Console.WriteLine(Report(options, ours, bare));
        return ours.Lost == 0 && bare.Lost == 0 ? 0 : 1;
    }

    public static string Report(BenchOptions options, Result ours, Result bare) =>
        $"| {options.Clients:N0} | {bare.MedianP99:F0} ms | {ours.MedianP99:F0} ms | {ours.MedianP99 / Math.Max(1, bare.MedianP99):F2} | " +
        $"{ours.MedianP50:F0} ms | {ours.Lost} | " +
        $"{ours.MedianCpuMs:F0} / {bare.MedianCpuMs:F0} ms (mean {ours.MeanCpuMs:F0} / {bare.MeanCpuMs:F0}) | " +
        $"{ours.WorkingSetBytes / 1024 / 1024} / {bare.WorkingSetBytes / 1024 / 1024} MB |";

    private static async Task<Result> MeasureGateway(BenchOptions options)
    {
        await using var deployment = await Deployment.Embedded(options);
        var server = deployment.Gateway;
        var code = (await deployment.CreateSession("Bench")).JoinCode;
        var hub = deployment.Hub;
        var receivers = await Connect(options.Clients, hub, async c => await c.Call("JoinSession", code, new { displayName = "P", mode = "remote" }));
        var sender = (await Connect(1, hub, async c => await c.Call("JoinSession", code, new { mode = "onsite" })))[0];
        var rounds = await Rounds(options, receivers, server,
            (marker) => sender.Client.Call("AskQuestion", new { text = marker }));
        var memory = server.WorkingSet;
        await Dispose(receivers.Append(sender));
        return new Result("gateway", options.Clients, rounds, memory);
    }

    private static async Task<Result> MeasureBare(BenchOptions options)
    {
        await using var server = await BareServer.Start(options);
        var hub = BareServer.HubAt(server.Address);
        var receivers = await Connect(options.Clients, hub, _ => Task.CompletedTask);
        var sender = (await Connect(1, hub, _ => Task.CompletedTask))[0];
        var rounds = await Rounds(options, receivers, server, marker => sender.Client.Call("Broadcast", SameShape(marker)));
        var memory = server.WorkingSet;
        await Dispose(receivers.Append(sender));
        return new Result("bare", options.Clients, rounds, memory);
    }

    /// <summary>The payload our gateway sends for a new question, for the bare hub to broadcast.</summary>
    public static object SameShape(string marker) => new
    {
        seq = 42,
        events = new object[]
        {
            new { type = "questionAsked", question = new { id = "q1", text = marker, votes = 0, status = "visible", mode = "onsite", askedAt = DateTimeOffset.UtcNow, edited = false } },
        },
    };

    private static async Task<List<Round>> Rounds(BenchOptions options, List<Receiver> receivers, ServerProcess server, Func<string, Task> send)
    {
        var rounds = new List<Round>();
        for (var r = 0; r < options.Rounds + 1; r++)
        {
            var marker = $"round-{r}-{Guid.NewGuid():N}";
            foreach (var receiver in receivers)
            {
                receiver.Expect(marker);
            }
            var cpu = server.CpuTime;
            var sent = Stopwatch.GetTimestamp();
            await send(marker);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (receivers.Any(x => x.ArrivedAt is null) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
            var latencies = receivers.Where(x => x.ArrivedAt is not null).Select(x => Stopwatch.GetElapsedTime(sent, x.ArrivedAt!.Value).TotalMilliseconds).Order().ToList();
            if (r == 0)
            {
                continue; // warm-up round
            }
            rounds.Add(new Round(Stats.Percentile(latencies, 0.5), Stats.Percentile(latencies, 0.99), latencies.Count, (server.CpuTime - cpu).TotalMilliseconds));
            await Task.Delay(RoundPause);
        }
        return rounds;
    }

    public sealed class Receiver(HubConnection client)
    {
        private string _marker = "";

        public HubConnection Client { get; } = client;
        public long? ArrivedAt { get; private set; }

        public void Expect(string marker) => (_marker, ArrivedAt) = (marker, null);

        public void Saw(JsonElement batch)
        {
            if (ArrivedAt is null && batch.GetRawText().Contains(_marker, StringComparison.Ordinal))
            {
                ArrivedAt = Stopwatch.GetTimestamp();
            }
        }
    }

    public static async Task<List<Receiver>> Connect(int count, Uri hub, Func<HubConnection, Task> join)
    {
        var receivers = new List<Receiver>(count);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            receivers.AddRange(await Task.WhenAll(chunk.Select(async _ =>
            {
                var client = HubClients.Build(hub);
                var receiver = new Receiver(client);
                client.On<JsonElement>(ScreenEvents.Changes, receiver.Saw);
                await client.StartAsync();
                await join(client);
                return receiver;
            })));
        }
        return receivers;
    }

    private static Task Dispose(IEnumerable<Receiver> receivers) => HubClients.DisposeAll(receivers.Select(r => r.Client));
}
