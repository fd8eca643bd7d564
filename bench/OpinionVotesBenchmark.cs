using System.Diagnostics;
using System.Text.Json;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// Votes on statements while the opinion map recomputes (issue 17), on the embedded gateway. N
/// voters in three planted groups each cast --rounds votes within the window, one after another
/// at a steady pace from a random start, each on the statement the server handed them (`next`),
/// while the map grain recomputes every second (each phase's votes keep it busy). The baseline is
/// the same voters at the same pace casting poll ballots, one per open poll, in the same run; the
/// two alternate twice (ballots, statements, ballots, statements: drift falls on both), and the ack
/// latencies of each condition are pooled. Prints the p50 / p99 of both, their ratio and the
/// recomputes the staff saw; exits non-zero when the statement votes' p99 is over 250 ms or over
/// --max-ratio times the ballots', or when a vote was lost, doubled or failed.
/// </summary>
public static class OpinionVotesBenchmark
{
    private const double TargetP99Ms = 250;

    private sealed record Phase(bool Statements, StormResult Votes, int Counted, int Recomputes, int PlacesTold, TimeSpan GatewayCpu);

    public static async Task<int> Run(BenchOptions options)
    {
        var window = TimeSpan.FromSeconds(options.Seconds);
        var perVoter = options.Rounds;
        await using var deployment = await Deployment.Embedded(options);
        var session = await deployment.CreateSession("Carte des avis");
        var hub = deployment.Hub;
        var facilitator = await HubClients.Join(hub, session.JoinCode, new { key = session.FacilitatorKey });
        var maps = new MapWatch(facilitator);
        await facilitator.Call("StartSession", new { });

        // Three blocks of statements per phase: group g agrees with block g, disagrees with g+1, passes on g+2.
        var statements = 2 * perVoter + 6;
        var texts = Enumerable.Range(0, statements).Select(i => $"Proposition {i + 1} sur l'IA").ToArray();
        var opinion = (await facilitator.Call("CreateOpinion", new { topic = "L'IA et nous", statements = texts })).GetProperty("opinionId").GetString()!;
        await facilitator.Call("OpenOpinion", new { opinionId = opinion });
        var (voters, joins) = await HubClients.JoinMany(options.Clients, _ => hub, (c, i) =>
            c.Call("JoinSession", session.JoinCode, new { displayName = $"V{i}", mode = i % 2 == 0 ? "onsite" : "remote" }));
        if (joins.Any(double.IsNaN))
        {
            Console.Error.WriteLine($"{joins.Count(double.IsNaN)} joins failed.");
            return 1;
        }
        var placesTold = 0;
        foreach (var voter in voters)
        {
            voter.On<JsonElement>(ScreenEvents.Personal, batch =>
            {
                foreach (var change in batch.GetProperty("events").EnumerateArray())
                {
                    if (change.GetProperty("type").GetString() == "opinionMe")
                    {
                        Interlocked.Increment(ref placesTold);
                    }
                }
            });
        }
        var next = new string?[voters.Count];
        for (var i = 0; i < voters.Count; i++)
        {
            var snapshot = await voters[i].Call("GetSnapshot");
            next[i] = snapshot.GetProperty("opinions")[0].GetProperty("next").GetString();
        }
        int Block(string statementId) => (int.Parse(statementId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) - 1) % 3;
        string Planted(int voter, string statementId) => ((Block(statementId) - voter % 3 + 3) % 3) switch { 0 => "agree", 1 => "disagree", _ => "pass" };

        // Warm-up, not measured: a ballot each from 1% of the voters.
        var warmUp = await NewPolls(facilitator, 1, "Échauffement");
        await Storm.WarmUp(voters, (v, i) => v.Call("Vote", new { pollId = warmUp[0], choices = new[] { i % 2 }, opId = $"warm-{i}" }));

        var phases = new List<Phase>();
        foreach (var onStatements in new[] { false, true, false, true })
        {
            var polls = onStatements ? [] : await NewPolls(facilitator, perVoter, $"Phase {phases.Count + 1}");
            var cpu = deployment.Gateway.CpuTime;
            var recomputes = maps.Count;
            var told = Volatile.Read(ref placesTold);
            var votes = await Paced(voters, perVoter, window, async (voter, i, k) =>
            {
                if (onStatements)
                {
                    var statement = next[i] ?? throw new InvalidOperationException($"voter {i} has nothing left to vote on");
                    var answer = await voter.Call("VoteStatement",
                        new { opinionId = opinion, statementId = statement, vote = Planted(i, statement), opId = $"{statement}-{i}" });
                    next[i] = answer.TryGetProperty("next", out var n) ? n.GetString() : null;
                }
                else
                {
                    await voter.Call("Vote", new { pollId = polls[k], choices = new[] { i % 3 }, opId = $"{polls[k]}-{i}" });
                }
            });
            var used = deployment.Gateway.CpuTime - cpu;
            var counted = onStatements ? await StatementVotes(facilitator, opinion) - phases.Where(p => p.Statements).Sum(p => p.Counted) : await Ballots(facilitator, polls);
            phases.Add(new Phase(onStatements, votes, counted, maps.Count - recomputes, Volatile.Read(ref placesTold) - told, used));
            foreach (var poll in polls)
            {
                await facilitator.Call("ClosePoll", new { pollId = poll });
                await Task.Delay(120);
            }
        }

        var ballots = Pooled(phases.Where(p => !p.Statements));
        var onMap = Pooled(phases.Where(p => p.Statements));
        var ratio = Stats.Percentile(onMap, 0.99) / Math.Max(1, Stats.Percentile(ballots, 0.99));
        var lost = phases.Sum(p => Math.Max(0, p.Votes.Acknowledged - p.Counted));
        var doubled = phases.Sum(p => Math.Max(0, p.Counted - p.Votes.Acknowledged));
        var failures = phases.Sum(p => p.Votes.Failures);
        var over = ratio > options.MaxRatio || Stats.Percentile(onMap, 0.99) > TargetP99Ms;
        var last = maps.Last;

        // | voters | votes per voter per phase | window | ballot p50 / p99 | statement vote p50 / p99 | p99 ratio | recomputes per statement phase | places told (opinionMe) per statement phase |
        // votes lost / doubled / failed | last map: dots, groups | gateway CPU per phase ballots / statements |
        Console.WriteLine(
            $"| {options.Clients:N0} | {perVoter} | {window.TotalSeconds:F0} s | " +
            $"{Stats.Percentile(ballots, 0.5):F0} / {Stats.Percentile(ballots, 0.99):F0} ms | {Stats.Percentile(onMap, 0.5):F0} / {Stats.Percentile(onMap, 0.99):F0} ms | " +
            $"{ratio:F2}{(over ? " (over)" : "")} | {string.Join(", ", phases.Where(p => p.Statements).Select(p => p.Recomputes))} | {string.Join(", ", phases.Where(p => p.Statements).Select(p => p.PlacesTold))} | " +
            $"{lost} / {doubled} / {failures} | {last.Dots} dots, {last.Groups} groups | " +
            $"{phases.Where(p => !p.Statements).Average(p => p.GatewayCpu.TotalMilliseconds):F0} / {phases.Where(p => p.Statements).Average(p => p.GatewayCpu.TotalMilliseconds):F0} ms |");
        await facilitator.DisposeAsync();
        await HubClients.DisposeAll(voters);
        return !over && lost == 0 && doubled == 0 && failures == 0 ? 0 : 1;
    }

    /// <summary>Each client makes `calls` calls, one every window/calls from a random start; each call timed from sending to acknowledgement.</summary>
    private static async Task<StormResult> Paced(IReadOnlyList<HubConnection> clients, int calls, TimeSpan window, Func<HubConnection, int, int, Task> call)
    {
        var acks = new List<double>[clients.Count];
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        var every = window / calls;
        await Task.WhenAll(clients.Select(async (client, i) =>
        {
            acks[i] = new List<double>(calls);
            var start = Stopwatch.GetTimestamp() + (long)(Random.Shared.NextDouble() * every.TotalSeconds * Stopwatch.Frequency);
            for (var k = 0; k < calls; k++)
            {
                var due = start + (long)(k * every.TotalSeconds * Stopwatch.Frequency);
                if (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due) is { TotalMilliseconds: > 0 } wait)
                {
                    await Task.Delay(wait);
                }
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    await call(client, i, k);
                    acks[i].Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var all = acks.SelectMany(a => a).Order().ToList();
        return new StormResult(clients.Count * calls, Stopwatch.GetElapsedTime(started), all, failures, Stopwatch.GetTimestamp());
    }

    private static async Task<string[]> NewPolls(HubConnection facilitator, int count, string label)
    {
        var polls = new string[count];
        for (var k = 0; k < count; k++)
        {
            polls[k] = (await facilitator.Call("CreatePoll", new { question = $"{label}, question {k + 1} ?", kind = "single", options = new[] { "oui", "non", "sans avis" } }))
                .GetProperty("pollId").GetString()!;
            await facilitator.Call("OpenPoll", new { pollId = polls[k] });
            // Within the facilitator's call budget (10 a second).
            await Task.Delay(250);
        }
        return polls;
    }

    private static async Task<int> Ballots(HubConnection facilitator, string[] polls)
    {
        var snapshot = await facilitator.Call("GetSnapshot");
        return snapshot.GetProperty("polls").EnumerateArray().Where(p => polls.Contains(p.GetProperty("id").GetString()))
            .Sum(p => p.GetProperty("results").GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
    }

    /// <summary>Every vote counted on the opinion's statements (a vote per voter and statement).</summary>
    private static async Task<int> StatementVotes(HubConnection facilitator, string opinion)
    {
        var snapshot = await facilitator.Call("GetSnapshot");
        return snapshot.GetProperty("opinions").EnumerateArray().Single(o => o.GetProperty("id").GetString() == opinion).GetProperty("statements").EnumerateArray()
            .Sum(s => s.GetProperty("agree").GetInt32() + s.GetProperty("disagree").GetInt32() + s.GetProperty("pass").GetInt32());
    }

    private static List<double> Pooled(IEnumerable<Phase> phases) => [.. phases.SelectMany(p => p.Votes.Acks).Order()];

    /// <summary>The staff's screen counting the recomputes it receives (opinionMap events) and what the last one held.</summary>
    private sealed class MapWatch
    {
        private int _count;

        public MapWatch(HubConnection staff) => staff.On<JsonElement>(ScreenEvents.Changes, batch =>
        {
            foreach (var change in batch.GetProperty("events").EnumerateArray())
            {
                if (change.GetProperty("type").GetString() == "opinionMap")
                {
                    Interlocked.Increment(ref _count);
                    Last = (change.TryGetProperty("map", out var map) ? map.GetArrayLength() : 0, change.GetProperty("groups").GetArrayLength());
                }
            }
        });

        public int Count => Volatile.Read(ref _count);

        public (int Dots, int Groups) Last { get; private set; }
    }
}
