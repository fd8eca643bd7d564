using System.Diagnostics;
using System.Globalization;

namespace CafeIA.Bench;

/// <summary>
/// A national programme vote over two gateways: S cafés of P participants (default 1,000 × 20) on
/// the cluster deployment (PostgreSQL with fsync on, one silo, two gateway processes as Orleans
/// clients, each on 127.0.0.1–127.0.0.4). Café i is created on, and all its clients connect to,
/// gateway i % 2; the load comes from two worker processes, one per gateway
/// (<see cref="ProgrammeWorker"/>), since one process holds at most ~19,000 connections here. Once
/// both have connected everyone, the organiser pushes a poll to every café; then every participant
/// votes once at a random moment of 60 s from when the poll reached its phone. Reports the acknowledgement latency (at the voters), the
/// failed votes, the ballots lost or doubled in the national tally (GET /api/programmes/{id}, per
/// choice, against the acknowledged ballots), how many cafés' own results (the facilitator's
/// snapshot) equal their acknowledged ballots exactly (per choice, on site and remote), how long
/// after the last acknowledgement the first screen, and every screen (the first participant of
/// each café), showed the exact national voters in a "programme" event, and the CPU time of the
/// silo and both gateways from the push to the last acknowledgement.
/// </summary>
public static class ProgrammeBenchmark
{
    private static readonly string[] Loopbacks = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"];
    private static readonly TimeSpan VoteWindow = TimeSpan.FromSeconds(60);
    /// <summary>The pushed poll's options; participant p of café i votes for (i + p) % 3.</summary>
    public static readonly string[] Choices = ["oui", "non", "je ne sais pas"];
    private const int Gateways = 2;

    public static async Task<int> Run(BenchOptions options)
    {
        var perWorker = (options.Sessions + 1) / 2 * (options.PerSession + 1);
        if (ManySessionsBenchmark.OpenFilesLimit() is { } limit && perWorker + 1_000 > limit)
        {
            Console.Error.WriteLine($"{perWorker:N0} connections per worker need more than a process's {limit:N0} open files (ulimit -n): run fewer sessions.");
            return 2;
        }
        var plans = Directory.CreateTempSubdirectory("cafeia-bench-programme-");
        try
        {
            return await Measure(options, plans.FullName);
        }
        finally
        {
            plans.Delete(recursive: true);
        }
    }

    /// <summary>How long the servers' CPU is sampled with everyone connected and nothing happening.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A warm-up poll pushed and voted by 1 % of the participants, not measured (as the vote storms'
    /// warm-up, <see cref="Storm.WarmUp"/>), until the national tally counts them; then the
    /// servers' CPU time over <see cref="Quiet"/> with every screen connected and no vote: what the
    /// 22,000 connections cost while nothing happens (keep-alives, timers).
    /// </summary>
    private static async Task<TimeSpan[]> WarmUpThenQuiet(Deployment deployment, HttpClient http, Uri entry, CreatedProgramme programme, List<WorkerProcess> workers)
    {
        var warmUp = await ProgrammeApi.PushPoll(http, entry, programme, "Échauffement : l’IA vous sert-elle déjà au quotidien ?", Choices);
        await Task.WhenAll(workers.Select(w => w.Send(ProgrammeMessages.WarmUp, warmUp.ProgrammePollId)));
        var warmed = (await WorkerProcess.Each<int>(workers, ProgrammeMessages.Warmed)).Sum();
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        while ((await ProgrammeApi.National(http, entry, programme, warmUp.ProgrammePollId)).National?.Voters != warmed)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException($"The national tally did not count the {warmed} warm-up ballots within 30 s.");
            }
            await Task.Delay(100);
        }
        var before = deployment.Servers.Select(s => s.CpuTime).ToArray();
        await Task.Delay(Quiet);
        return [.. deployment.Servers.Select((s, i) => s.CpuTime - before[i])];
    }

    private static async Task<int> Measure(BenchOptions options, string plans)
    {
        await using var deployment = await Deployment.Cluster(options, Gateways, Loopbacks);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var entry = deployment.Gateway.Address;
        var programme = await ProgrammeApi.Create(http, entry, "Journée nationale Café IA");
        var cafes = new List<ProgrammeCafe>(options.Sessions);
        foreach (var chunk in Enumerable.Range(0, options.Sessions).Chunk(50))
        {
            cafes.AddRange(await Task.WhenAll(chunk.Select(async i =>
            {
                var session = await deployment.CreateSession(http, $"Café IA n°{i + 1}", deployment.Gateways[i % Gateways]);
                return new ProgrammeCafe(i, session.JoinCode, session.FacilitatorKey, session.ProjectorKey);
            })));
        }

        var workers = new List<WorkerProcess>();
        try
        {
            for (var w = 0; w < Gateways; w++)
            {
                var plan = new ProgrammeWorkerPlan(w + 1, [.. deployment.Gateways[w].Addresses.Select(a => Deployment.HubAt(a).ToString())],
                    programme.ProgrammeId, programme.InviteKey, options.PerSession, VoteWindow.TotalSeconds, [.. cafes.Where(c => c.Index % Gateways == w)]);
                var path = Path.Combine(plans, $"worker-{w + 1}.json");
                await File.WriteAllTextAsync(path, System.Text.Json.JsonSerializer.Serialize(plan, ProgrammeMessages.Json));
                workers.Add(WorkerProcess.Start($"worker {w + 1}", "programme-worker", path));
            }
            var ready = await WorkerProcess.Each<ProgrammeWorkerReady>(workers, ProgrammeMessages.Ready);
            var quietCpu = await WarmUpThenQuiet(deployment, http, entry, programme, workers);

            var cpu = deployment.Servers.Select(s => s.CpuTime).ToArray();
            var pushed = await ProgrammeApi.PushPoll(http, entry, programme, "L'IA doit-elle être régulée ?", Choices);
            if (pushed.Sessions != options.Sessions || pushed.Opened != options.Sessions)
            {
                Console.Error.WriteLine($"The poll went to {pushed.Sessions} cafés and opened in {pushed.Opened}, not {options.Sessions}.");
                return 1;
            }
            await Task.WhenAll(workers.Select(w => w.Send(ProgrammeMessages.Go, pushed.ProgrammePollId)));
            var votes = await WorkerProcess.Each<ProgrammeWorkerVotes>(workers, ProgrammeMessages.Voted);
            var serverCpu = deployment.Servers.Select((s, i) => s.CpuTime - cpu[i]).ToArray();

            var acknowledged = votes.Sum(v => v.Acks.Length);
            await Task.WhenAll(workers.Select(w => w.Send(ProgrammeMessages.Expect, acknowledged.ToString(CultureInfo.InvariantCulture))));
            var screens = await WorkerProcess.Each<ProgrammeWorkerScreens>(workers, ProgrammeMessages.Result);
            var (national, nationalSessions) = await ProgrammeApi.National(http, entry, programme, pushed.ProgrammePollId);
            var result = new ProgrammeResult(options, ready, votes, screens, national, serverCpu, quietCpu);
            Console.Error.WriteLine(
                $"programme: {pushed.Opened:N0} cafés opened the poll; the national tally counts {nationalSessions:N0} cafés; " +
                $"the pushed poll never reached {votes.Sum(v => v.NeverReached):N0} voters; " +
                $"screens showed {result.MedianDistinctValues} distinct national counts (median); " +
                $"national tally exact (counts, on site / remote, voters): {(result.NationalExact ? "yes" : "no")}.");
            foreach (var line in ProgrammeTail.Lines([.. votes.Select(v => v.Timings)]))
            {
                Console.Error.WriteLine(line);
            }
            Console.Error.WriteLine(result.SpreadLine());
            Console.Error.WriteLine(result.PhonesLine());
            Console.Error.WriteLine(result.QuietLine(Quiet));
            Console.WriteLine(result.Row());
            // The workers now close their connections and end.
            var ended = true;
            foreach (var worker in workers)
            {
                if (await worker.Exit(TimeSpan.FromMinutes(2)) is not 0 and var code)
                {
                    Console.Error.WriteLine($"{worker.Name} {(code is null ? "was still closing its connections after 2 min" : $"ended with {code}")}.");
                    ended = false;
                }
            }
            return result.Passed && ended ? 0 : 1;
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }
}
