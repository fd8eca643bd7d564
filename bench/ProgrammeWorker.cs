using System.Diagnostics;
using System.Text.Json;
using CafeIA.Wire;
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
/// carries the pushed programme poll id, its moment drawn from when that poll reached its phone
/// (a voter it never reaches within 30 s is a failed vote); then each café's own result is read from its
/// facilitator's snapshot; then the screens are watched, up to 30 s, for the national total.
/// </summary>
public static class ProgrammeWorker
{
    private static readonly int Choices = ProgrammeBenchmark.Choices.Length;
    private static readonly TimeSpan ScreenWait = TimeSpan.FromSeconds(30);
    /// <summary>How long a voter waits for the pushed poll to reach its phone before it counts as a failed vote.</summary>
    private static readonly TimeSpan PushPatience = TimeSpan.FromSeconds(30);

    public static async Task<int> Run(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            await Console.Error.WriteLineAsync("usage: bench programme-worker PLAN.json (started by `bench programme`)");
            return 2;
        }
        var orders = OrchestratorOrders.Listen();
        var plan = ProgrammeMessages.Parse<ProgrammeWorkerPlan>(await File.ReadAllTextAsync(args[0]));
        var hubs = plan.Hubs.Select(h => new Uri(h)).ToArray();

        var facilitators = await EnrolFacilitators(plan, hubs);
        var (projectors, projectorScreens) = await JoinProjectors(plan, hubs);
        var voters = new ProgrammeVoter[plan.Cafes.Length * plan.PerSession];
        var messages = new PhoneMessages();
        var screens = new NationalScreen?[plan.Cafes.Length];
        var (clients, latencies) = await HubClients.JoinMany(voters.Length, i => hubs[i % hubs.Length], async (client, i) =>
        {
            var (cafe, participant) = (i / plan.PerSession, i % plan.PerSession);
            voters[i] = new ProgrammeVoter(client, cafe, participant, messages);
            if (participant == 0)
            {
                screens[cafe] = new NationalScreen(client);
            }
            await voters[i].Join(plan.Cafes[cafe].JoinCode);
        });
        var joined = Enumerable.Range(0, voters.Length).Where(i => !double.IsNaN(latencies[i])).Select(i => voters[i]).ToList();
        Console.WriteLine(ProgrammeMessages.Line(ProgrammeMessages.Ready, new ProgrammeWorkerReady(facilitators.Length + projectors.Length + joined.Count, voters.Length - joined.Count)));

        var warmUp = await OrchestratorOrders.Next(orders.Reader, ProgrammeMessages.WarmUp);
        Console.WriteLine(ProgrammeMessages.Line(ProgrammeMessages.Warmed, await WarmUp(plan, joined, warmUp)));

        var programmePoll = await OrchestratorOrders.Next(orders.Reader, ProgrammeMessages.Go);
        var before = messages.Count();
        var votes = await Vote(plan, joined, facilitators, programmePoll);
        Console.WriteLine(ProgrammeMessages.Line(ProgrammeMessages.Voted, votes));

        var total = int.Parse(await OrchestratorOrders.Next(orders.Reader, ProgrammeMessages.Expect), System.Globalization.CultureInfo.InvariantCulture);
        var watching = screens.Where((s, cafe) => s is not null && !double.IsNaN(latencies[cafe * plan.PerSession])).Cast<NationalScreen>().ToList();
        var projectorsAt = Task.WhenAll(projectorScreens.Select(s => s.FirstShown(programmePoll, total, ScreenWait)));
        var exactAt = await Task.WhenAll(watching.Select(s => s.FirstShown(programmePoll, total, ScreenWait)));
        Console.WriteLine(ProgrammeMessages.Line(ProgrammeMessages.Result,
            new ProgrammeWorkerScreens(await projectorsAt, exactAt, [.. watching.Select(s => s.DistinctValues(programmePoll))], messages.Count() - before)));

        await HubClients.DisposeAll(clients.Concat(facilitators).Concat(projectors));
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

    /// <summary>Each café's projector joins with its key and follows the national tally, 50 cafés at a time.</summary>
    private static async Task<(HubConnection[], NationalScreen[])> JoinProjectors(ProgrammeWorkerPlan plan, Uri[] hubs)
    {
        var joined = new List<(HubConnection, NationalScreen)>(plan.Cafes.Length);
        foreach (var chunk in plan.Cafes.Select((cafe, i) => (cafe, i)).Chunk(50))
        {
            joined.AddRange(await Task.WhenAll(chunk.Select(async c =>
            {
                var projector = HubClients.Build(hubs[c.i % hubs.Length]);
                var screen = new NationalScreen(projector);
                projector.On<JsonElement>(ScreenEvents.Changes, _ => { });
                await projector.StartAsync();
                await projector.Call("JoinSession", c.cafe.JoinCode, new { key = c.cafe.ProjectorKey });
                return (projector, screen);
            })));
        }
        return ([.. joined.Select(j => j.Item1)], [.. joined.Select(j => j.Item2)]);
    }

    /// <summary>
    /// The warm-up poll, not measured: 1 % of the voters (<see cref="Storm.WarmUp"/>) vote once it
    /// has reached every phone, so that the measured push and vote find the code paths compiled
    /// (servers and load generator) as on a service that has been running. Its acknowledged ballots.
    /// </summary>
    private static async Task<int> WarmUp(ProgrammeWorkerPlan plan, List<ProgrammeVoter> voters, string programmePoll)
    {
        await Task.WhenAll(voters.Select(v => v.Received(programmePoll).WaitAsync(PushPatience)));
        var acknowledged = 0;
        await Storm.WarmUp([.. voters.Select(v => v.Client)], async (client, i) =>
        {
            await client.Call("Vote", new { pollId = voters[i].PollFor(programmePoll), choices = new[] { Choice(plan, voters[i]) }, opId = $"warm-up-{plan.Worker}-{i}" });
            Interlocked.Increment(ref acknowledged);
        });
        return acknowledged;
    }

    private static async Task<ProgrammeWorkerVotes> Vote(ProgrammeWorkerPlan plan, List<ProgrammeVoter> voters, HubConnection[] facilitators, string programmePoll)
    {
        var acked = new bool[voters.Count];
        var neverReached = 0;
        var started = Stopwatch.GetTimestamp();
        // A person votes once the poll is on their phone: each voter's moment is drawn in the
        // window from when the pushed poll reached it.
        var storm = await Storm.Run([.. voters.Select(v => v.Client)], TimeSpan.FromSeconds(plan.WindowSeconds), async (client, i) =>
        {
            var voter = voters[i];
            var poll = voter.PollFor(programmePoll) ?? throw new InvalidOperationException($"Café {voter.Cafe} has no poll for {programmePoll}.");
            await client.Call("Vote", new { pollId = poll, choices = new[] { Choice(plan, voter) }, opId = $"programme-{plan.Worker}-{i}" });
            acked[i] = true;
        }, async i =>
        {
            try
            {
                await voters[i].Received(programmePoll).WaitAsync(PushPatience);
            }
            catch (TimeoutException)
            {
                Interlocked.Increment(ref neverReached);
                throw;
            }
        });
        var onsite = plan.Cafes.Select(_ => new int[Choices]).ToArray();
        var remote = plan.Cafes.Select(_ => new int[Choices]).ToArray();
        foreach (var voter in voters.Where((_, i) => acked[i]))
        {
            (voter.Onsite ? onsite : remote)[voter.Cafe][Choice(plan, voter)]++;
        }
        var cafes = await Task.WhenAll(plan.Cafes.Select(async (cafe, c) =>
            new ProgrammeCafeTally(cafe.Index, onsite[c], remote[c], await Counted(facilitators[c], programmePoll))));
        var timings = new ProgrammeVoteTimings(
            [.. storm.SentAt!.Select(Rounded)], [.. storm.Latencies!.Select(Rounded)],
            [.. voters.Select(v => v.LearnedAt(programmePoll) is { } at ? Rounded(Milliseconds(started, at)) : double.NaN)]);
        return new ProgrammeWorkerVotes(started, storm.LastAck, [.. storm.Acks.Select(Rounded)], storm.Failures, neverReached, cafes, timings);
    }

    private static double Rounded(double ms) => Math.Round(ms, 1);

    /// <summary>From one Stopwatch timestamp to another, in ms (negative when the second is earlier).</summary>
    private static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

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
}
