using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// One of the programme scenario's two load generators (`bench programme-worker plan.json`, started
/// by <see cref="ProgrammeBenchmark"/>, one per gateway: a process holds at most ~19,000 connections
/// here). It connects its cafés' facilitators (each starts its session and enrols it in the
/// programme), then its participants, 100 at a time, taking the plan's hub addresses in turn; the
/// first participant of each café is also a screen following the national tally. Then, on the
/// orchestrator's word (<see cref="ProgrammeMessages"/>), each participant votes once at a random
/// moment of the window, for choice (café index + participant) % 3, in the café's poll that
/// carries the pushed programme poll id (a voter that had not received it yet fetches a snapshot
/// first, and that fetch is part of its latency); then each café's own result is read from its
/// facilitator's snapshot; then the screens are watched, up to 30 s, for the national total.
/// </summary>
public static class ProgrammeWorker
{
    private static readonly int Choices = ProgrammeBenchmark.Choices.Length;
    private static readonly TimeSpan ScreenWait = TimeSpan.FromSeconds(30);

    public static async Task<int> Run(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            await Console.Error.WriteLineAsync("usage: bench programme-worker PLAN.json (started by `bench programme`)");
            return 2;
        }
        var orders = ListenToOrchestrator();
        var plan = ProgrammeMessages.Parse<ProgrammeWorkerPlan>(await File.ReadAllTextAsync(args[0]));
        var hubs = plan.Hubs.Select(h => new Uri(h)).ToArray();

        var facilitators = await EnrolFacilitators(plan, hubs);
        var voters = new ProgrammeVoter[plan.Cafes.Length * plan.PerSession];
        var screens = new NationalScreen?[plan.Cafes.Length];
        var (clients, latencies) = await HubClients.JoinMany(voters.Length, i => hubs[i % hubs.Length], async (client, i) =>
        {
            var (cafe, participant) = (i / plan.PerSession, i % plan.PerSession);
            voters[i] = new ProgrammeVoter(client, cafe, participant);
            if (participant == 0)
            {
                screens[cafe] = new NationalScreen(client);
            }
            await voters[i].Join(plan.Cafes[cafe].JoinCode);
        });
        var joined = Enumerable.Range(0, voters.Length).Where(i => !double.IsNaN(latencies[i])).Select(i => voters[i]).ToList();
        Console.WriteLine(ProgrammeMessages.Line(ProgrammeMessages.Ready, new ProgrammeWorkerReady(facilitators.Length + joined.Count, voters.Length - joined.Count)));

        var programmePoll = await Await(orders.Reader, ProgrammeMessages.Go);
        var votes = await Vote(plan, joined, facilitators, programmePoll);
        Console.WriteLine(ProgrammeMessages.Line(ProgrammeMessages.Voted, votes));

        var total = int.Parse(await Await(orders.Reader, ProgrammeMessages.Expect), System.Globalization.CultureInfo.InvariantCulture);
        var watching = screens.Where((s, cafe) => s is not null && !double.IsNaN(latencies[cafe * plan.PerSession])).Cast<NationalScreen>().ToList();
        var exactAt = await Task.WhenAll(watching.Select(s => s.FirstShown(programmePoll, total, ScreenWait)));
        Console.WriteLine(ProgrammeMessages.Line(ProgrammeMessages.Result,
            new ProgrammeWorkerScreens(exactAt, [.. watching.Select(s => s.DistinctValues(programmePoll))])));

        await HubClients.DisposeAll(clients.Concat(facilitators));
        return 0;
    }

    /// <summary>Each café's facilitator joins with its key, starts the session and enrols it in the programme, 50 cafés at a time.</summary>
    private static async Task<HubConnection[]> EnrolFacilitators(ProgrammeWorkerPlan plan, Uri[] hubs)
    {
        var facilitators = new List<HubConnection>(plan.Cafes.Length);
        foreach (var chunk in plan.Cafes.Select((cafe, i) => (cafe, i)).Chunk(50))
        {
            facilitators.AddRange(await Task.WhenAll(chunk.Select(async c =>
            {
                var facilitator = await HubClients.Join(hubs[c.i % hubs.Length], c.cafe.JoinCode, new { key = c.cafe.FacilitatorKey });
                await facilitator.Call("StartSession", new { });
                await facilitator.Call("JoinProgramme", new { programmeId = plan.ProgrammeId, inviteKey = plan.InviteKey });
                return facilitator;
            })));
        }
        return [.. facilitators];
    }

    private static async Task<ProgrammeWorkerVotes> Vote(ProgrammeWorkerPlan plan, List<ProgrammeVoter> voters, HubConnection[] facilitators, string programmePoll)
    {
        var acked = new bool[voters.Count];
        var fallbacks = 0;
        var started = Stopwatch.GetTimestamp();
        var storm = await Storm.Run([.. voters.Select(v => v.Client)], TimeSpan.FromSeconds(plan.WindowSeconds), async (client, i) =>
        {
            var voter = voters[i];
            var poll = voter.PollFor(programmePoll);
            if (poll is null)
            {
                Interlocked.Increment(ref fallbacks);
                poll = await voter.FetchPollFor(programmePoll) ?? throw new InvalidOperationException($"Café {voter.Cafe} has no poll for {programmePoll}.");
            }
            await client.Call("Vote", new { pollId = poll, choices = new[] { Choice(plan, voter) }, opId = $"programme-{plan.Worker}-{i}" });
            acked[i] = true;
        });
        var onsite = plan.Cafes.Select(_ => new int[Choices]).ToArray();
        var remote = plan.Cafes.Select(_ => new int[Choices]).ToArray();
        foreach (var voter in voters.Where((_, i) => acked[i]))
        {
            (voter.Onsite ? onsite : remote)[voter.Cafe][Choice(plan, voter)]++;
        }
        var cafes = await Task.WhenAll(plan.Cafes.Select(async (cafe, c) =>
            new ProgrammeCafeTally(cafe.Index, onsite[c], remote[c], await Counted(facilitators[c], programmePoll))));
        return new ProgrammeWorkerVotes(started, storm.LastAck, [.. storm.Acks.Select(a => Math.Round(a, 1))], storm.Failures, fallbacks, cafes);
    }

    private static int Choice(ProgrammeWorkerPlan plan, ProgrammeVoter voter) => (plan.Cafes[voter.Cafe].Index + voter.Participant) % Choices;

    /// <summary>The café's own result of the programme poll, from its facilitator's snapshot.</summary>
    private static async Task<ProgrammeCount?> Counted(HubConnection facilitator, string programmePoll)
    {
        var snapshot = await facilitator.Call("GetSnapshot");
        return snapshot.GetProperty("polls").EnumerateArray()
            .Where(p => p.TryGetProperty("programmePollId", out var id) && id.GetString() == programmePoll && p.TryGetProperty("results", out _))
            .Select(p => ProgrammeCount.Of(p.GetProperty("results")))
            .FirstOrDefault();
    }

    /// <summary>
    /// The orchestrator's lines, read from stdin from the start: when stdin closes (the orchestrator
    /// ended, whichever way), the worker ends too, its connections with it.
    /// </summary>
    private static Channel<string> ListenToOrchestrator()
    {
        var orders = Channel.CreateUnbounded<string>();
        _ = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is { } line)
            {
                await orders.Writer.WriteAsync(line);
            }
            await Console.Error.WriteLineAsync("The orchestrator closed stdin: stopping.");
            Environment.Exit(3);
        });
        return orders;
    }

    /// <summary>Waits for the orchestrator's line with this tag; returns what follows the tag.</summary>
    private static async Task<string> Await(ChannelReader<string> orders, string tag)
    {
        while (true)
        {
            var line = await orders.ReadAsync();
            if (line.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                return line[(tag.Length + 1)..].Trim();
            }
        }
    }
}
