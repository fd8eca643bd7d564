using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CafeIA.Bench;

/// <summary>
/// One session spread over two gateways (`bench spread --clients 20000 --rounds 20`): the cluster
/// deployment (PostgreSQL with fsync on, one silo, two gateway processes as Orleans clients), N
/// participants of one session, half on each gateway, connected by two load-generator processes
/// (<see cref="SpreadWorker"/>, one per gateway). First the question fan-out: a participant on
/// the first gateway asks; each round's p99 is over every receiver of both gateways, after a
/// warm-up round, rounds a second apart as in <see cref="FanoutBenchmark"/>. Then a vote storm:
/// every participant votes once within 10 s, after a warm-up poll; lost and doubled ballots are
/// the facilitator's final counts per choice against the acknowledged ballots, and a projector on
/// the second gateway gives the lag to the exact count. The baseline, in the same run: two bare
/// hubs, each broadcasting to its own N / 2 (two more worker processes), both sent at once.
/// </summary>
public static class SpreadBenchmark
{
    private static readonly string[] Loopbacks = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"];
    private static readonly TimeSpan RoundPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan VoteWindow = TimeSpan.FromSeconds(10);
    private const int Servers = 2;

    /// <summary>A side's rounds: per round the p50 and p99 over both servers' receivers, and how many received nothing.</summary>
    public sealed record Rounds(List<(double P50, double P99)> Each, int Missing)
    {
        public double MedianP99 => Stats.Percentile([.. Each.Select(r => r.P99).Order()], 0.5);
        public double MedianP50 => Stats.Percentile([.. Each.Select(r => r.P50).Order()], 0.5);
    }

    public static async Task<int> Run(BenchOptions options)
    {
        var perWorker = (options.Clients + 1) / Servers;
        if (ManySessionsBenchmark.OpenFilesLimit() is { } limit && perWorker + 1_000 > limit)
        {
            Console.Error.WriteLine($"{perWorker:N0} connections per worker need more than a process's {limit:N0} open files (ulimit -n).");
            return 2;
        }
        var plans = Directory.CreateTempSubdirectory("cafeia-bench-spread-");
        try
        {
            var (ours, votes, counted, projectorLag, ready) = await MeasureOurs(options, plans.FullName);
            var bare = await MeasureBare(options, plans.FullName);
            var acked = votes.Sum(v => v.Acks.Length);
            var ackedPerChoice = Enumerable.Range(0, SpreadWorker.Choices).Select(c => votes.Sum(v => v.AckedPerChoice[c])).ToArray();
            var lost = ackedPerChoice.Select((a, c) => Math.Max(0, a - counted[c])).Sum();
            var doubled = counted.Select((x, c) => Math.Max(0, x - ackedPerChoice[c])).Sum();
            var failed = votes.Sum(v => v.Failures);
            if (failed > 0)
            {
                Console.Error.WriteLine($"Failed votes: {Storm.Describe(votes.SelectMany(v => v.FailureKinds))}.");
            }
            var failedJoins = ready.Sum(r => r.FailedJoins);
            var acks = votes.SelectMany(v => v.Acks).Order().ToList();
            // | clients (per gateway) | rounds | bare p99 | ours p99 | ratio | ours p50 | missed | vote ack p50 | ack p99 | acknowledged | failed | lost | doubled | projector exact after last ack |
            Console.WriteLine(
                $"| {options.Clients:N0} ({perWorker:N0} + {options.Clients - perWorker:N0}){(failedJoins > 0 ? $", {failedJoins:N0} failed joins" : "")} | {ours.Each.Count} | " +
                $"{bare.MedianP99:F0} ms | {ours.MedianP99:F0} ms | {Stats.Ratio(ours.MedianP99, bare.MedianP99)} | {ours.MedianP50:F0} ms | {ours.Missing + bare.Missing} | " +
                $"{Stats.Percentile(acks, 0.5):F0} ms | {Stats.Percentile(acks, 0.99):F0} ms | {acked:N0} | {failed:N0} | {lost:N0} | {doubled:N0} | {projectorLag} |");
            return lost == 0 && doubled == 0 && failed == 0 && failedJoins == 0 && ours.Missing == 0 && bare.Missing == 0 && acked == options.Clients ? 0 : 1;
        }
        finally
        {
            plans.Delete(recursive: true);
        }
    }

    private static async Task<(Rounds Rounds, SpreadWorkerVotes[] Votes, int[] Counted, string ProjectorLag, SpreadWorkerReady[] Ready)> MeasureOurs(BenchOptions options, string plans)
    {
        await using var deployment = await Deployment.Cluster(options, Servers, Loopbacks);
        using var http = new HttpClient();
        var session = await deployment.CreateSession(http, "Séance nationale", deployment.Gateways[0]);
        var firstHub = Deployment.HubAt(deployment.Gateways[0].Address);
        await using var facilitator = await HubClients.Join(firstHub, session.JoinCode, new { key = session.FacilitatorKey });
        await facilitator.Call("StartSession", new { });
        var warmUp = (await facilitator.Call("CreatePoll", new { question = "Échauffement ?", kind = "single", options = new[] { "oui", "non" } })).GetProperty("pollId").GetString()!;
        var poll = (await facilitator.Call("CreatePoll", new { question = "Confiance ?", kind = "single", options = new[] { "oui", "non", "sans avis" } })).GetProperty("pollId").GetString()!;
        await using var asker = await HubClients.Join(firstHub, session.JoinCode, new { mode = "onsite" });
        await using var projector = await ProjectorWatch.Join(Deployment.HubAt(deployment.Gateways[1].Address), session, e =>
            e.GetProperty("type").GetString() == "pollResults" && e.GetProperty("pollId").GetString() == poll ? e.GetProperty("results").GetProperty("voters").GetInt32() : null);

        var workers = await StartWorkers(options, plans, "cafe", w => deployment.Gateways[w], session.JoinCode);
        try
        {
            var ready = await WorkerProcess.Each<SpreadWorkerReady>(workers, SpreadMessages.Ready);
            var rounds = await Measure(options, workers, marker => asker.Call("AskQuestion", new { text = marker }));

            await facilitator.Call("OpenPoll", new { pollId = warmUp });
            await Order<bool>(workers, SpreadMessages.WarmUp, warmUp, SpreadMessages.Warmed);
            await facilitator.Call("ClosePoll", new { pollId = warmUp });
            await facilitator.Call("OpenPoll", new { pollId = poll });
            var votes = await Order<SpreadWorkerVotes>(workers, SpreadMessages.Vote,
                $"{poll} {VoteWindow.TotalSeconds.ToString(CultureInfo.InvariantCulture)}", SpreadMessages.Voted);
            var lag = await projector.LagAfter(votes.Max(v => v.LastAck), votes.Sum(v => v.Acks.Length));
            var snapshot = await facilitator.Call("GetSnapshot");
            var counts = snapshot.GetProperty("polls").EnumerateArray().Single(p => p.GetProperty("id").GetString() == poll)
                .GetProperty("results").GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToArray();
            await Finish(workers);
            return (rounds, votes, counts, lag, ready);
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    private static async Task<Rounds> MeasureBare(BenchOptions options, string plans)
    {
        var servers = new List<ServerProcess>();
        var workers = new List<WorkerProcess>();
        try
        {
            for (var s = 0; s < Servers; s++)
            {
                servers.Add(await BareServer.Start(options, Loopbacks));
            }
            workers = await StartWorkers(options, plans, "bare", s => servers[s], joinCode: null, BareServer.HubAt);
            await WorkerProcess.Each<SpreadWorkerReady>(workers, SpreadMessages.Ready);
            var senders = await Task.WhenAll(servers.Select(async s =>
            {
                var sender = HubClients.Build(BareServer.HubAt(s.Address));
                await sender.StartAsync();
                return sender;
            }));
            // Each bare hub broadcasts to its own half, both at once.
            var rounds = await Measure(options, workers, marker => Task.WhenAll(senders.Select(s => s.Call("Broadcast", FanoutBenchmark.SameShape(marker)))));
            await HubClients.DisposeAll(senders);
            await Finish(workers);
            return rounds;
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<List<WorkerProcess>> StartWorkers(BenchOptions options, string plans, string side, Func<int, ServerProcess> server, string? joinCode, Func<Uri, Uri>? hubAt = null)
    {
        var workers = new List<WorkerProcess>();
        var perWorker = (options.Clients + 1) / Servers;
        for (var w = 0; w < Servers; w++)
        {
            var plan = new SpreadWorkerPlan(w + 1, [.. server(w).Addresses.Select(a => (hubAt ?? Deployment.HubAt)(a).ToString())],
                w == 0 ? perWorker : options.Clients - perWorker, joinCode);
            var path = Path.Combine(plans, $"{side}-worker-{w + 1}.json");
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(plan, ProgrammeMessages.Json));
            workers.Add(WorkerProcess.Start($"{side} worker {w + 1}", "spread-worker", path));
        }
        return workers;
    }

    /// <summary>A warm-up round, then options.Rounds measured rounds a second apart.</summary>
    private static async Task<Rounds> Measure(BenchOptions options, List<WorkerProcess> workers, Func<string, Task> send)
    {
        var rounds = new List<(double, double)>();
        var missing = 0;
        for (var r = 0; r < options.Rounds + 1; r++)
        {
            var marker = $"round-{r}-{Guid.NewGuid():N}";
            await Order<bool>(workers, SpreadMessages.Arm, marker, SpreadMessages.Armed);
            var sent = Stopwatch.GetTimestamp();
            await send(marker);
            var arrivals = await Order<SpreadArrivals>(workers, SpreadMessages.Sent, sent.ToString(CultureInfo.InvariantCulture), SpreadMessages.Arrived);
            if (r == 0)
            {
                continue; // warm-up round
            }
            var latencies = arrivals.SelectMany(a => a.Latencies).Order().ToList();
            rounds.Add((Stats.Percentile(latencies, 0.5), Stats.Percentile(latencies, 0.99)));
            missing += arrivals.Sum(a => a.Missing);
            await Task.Delay(RoundPause);
        }
        return new Rounds(rounds, missing);
    }

    /// <summary>Gives every worker this order and waits for each one's answer.</summary>
    private static async Task<T[]> Order<T>(List<WorkerProcess> workers, string tag, string argument, string answer)
    {
        var answers = WorkerProcess.Each<T>(workers, answer);
        await Task.WhenAll(workers.Select(w => w.Send(tag, argument)));
        return await answers;
    }

    private static async Task Finish(List<WorkerProcess> workers)
    {
        await Task.WhenAll(workers.Select(w => w.Send(SpreadMessages.Done, "")));
        foreach (var worker in workers)
        {
            if (await worker.Exit(TimeSpan.FromMinutes(2)) is not 0 and var code)
            {
                throw new InvalidOperationException($"{worker.Name} {(code is null ? "was still closing its connections after 2 min" : $"ended with {code}")}.");
            }
        }
    }
}
