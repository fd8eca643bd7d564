using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// A reaction storm during a vote storm, on the embedded gateway. N voters each vote once within
/// the window (as <see cref="VoteStormBenchmark"/>) while N other participants tap reactions for
/// the whole window, faster than their budget allows (the refusals are counted, not failures);
/// and the same vote storm without reactions. The two alternate, twice each (without, with,
/// without, with: drift over the run falls on both), each on a poll of its own, and the ack
/// latencies of each condition are pooled. Prints the vote ack p99 with and without reactions
/// and their ratio; exits non-zero when the ratio is over --max-ratio, a vote was lost or doubled,
/// a call failed, a phone received a burst, or the projector's or the report's reaction total
/// differs from the reactions acknowledged.
/// </summary>
public static class ReactionStormBenchmark
{
    private static readonly string[] Kinds = ["👏", "❤️", "😂", "🤔", "👍"];

    /// <summary>Three taps a second per phone: over its budget (a burst of 5, then 2 a second), as an eager room.</summary>
    private static readonly TimeSpan TapEvery = TimeSpan.FromMilliseconds(333);

    private sealed record Phase(bool WithReactions, StormResult Votes, int Counted, Taps? Taps, TimeSpan GatewayCpu);

    private sealed record Taps(int Acknowledged, int RateLimited, int Failed, int Sent);

    public static async Task<int> Run(BenchOptions options)
    {
        var window = TimeSpan.FromSeconds(options.Seconds);
        string[] settings = options.FlushMs is { } ms ? [$"--Reactions:FlushInterval={TimeSpan.FromMilliseconds(ms)}"] : [];
        await using var deployment = await Deployment.Embedded(options, settings: settings);
        var session = await deployment.CreateSession("Réactions");
        var hub = deployment.Hub;

        var facilitator = await HubClients.Join(hub, session.JoinCode, new { key = session.FacilitatorKey });
        await facilitator.Call("StartSession", new { });
        await using var projector = await BurstWatch.Join(hub, session);
        var join = 0;
        var voters = (await FanoutBenchmark.Connect(options.Clients, hub, c => c.Call("JoinSession", session.JoinCode, new { displayName = "V", mode = "remote" })))
            .Select(v => v.Client).ToList();
        var reactors = (await FanoutBenchmark.Connect(options.Clients, hub, c => c.Call("JoinSession", session.JoinCode,
            new { displayName = "R", mode = Interlocked.Increment(ref join) % 2 == 0 ? "onsite" : "remote" }))).Select(v => v.Client).ToList();
        var leaked = 0;
        foreach (var phone in voters.Concat(reactors))
        {
            phone.On<JsonElement>(ScreenEvents.Reactions, _ => Interlocked.Increment(ref leaked));
        }

        // Warm-up, not measured: 1% vote on a poll of their own, 1% tap a few reactions.
        var warmUp = await NewPoll(facilitator, "Échauffement ?");
        await Storm.WarmUp(voters, (voter, i) => voter.Call("Vote", new { pollId = warmUp, choices = new[] { i % 2 }, opId = $"warm-up-{i}" }));
        await facilitator.Call("ClosePoll", new { pollId = warmUp });
        var warmTaps = await Tap([.. reactors.Take(Math.Max(10, reactors.Count / 100))], TimeSpan.FromSeconds(1));

        var phases = new List<Phase>();
        foreach (var withReactions in new[] { false, true, false, true })
        {
            var poll = await NewPoll(facilitator, $"Confiance ({phases.Count + 1}) ?");
            var cpu = deployment.Gateway.CpuTime;
            var taps = withReactions ? Tap(reactors, window) : null;
            var votes = await Storm.Run(voters, window,
                (voter, i) => voter.Call("Vote", new { pollId = poll, choices = new[] { i % 3 }, opId = $"{poll}-{i}" }));
            var tapped = taps is null ? null : await taps;
            var used = deployment.Gateway.CpuTime - cpu;
            await facilitator.Call("ClosePoll", new { pollId = poll });
            var snapshot = await facilitator.Call("GetSnapshot");
            var counted = snapshot.GetProperty("polls").EnumerateArray().Single(p => p.GetProperty("id").GetString() == poll).GetProperty("results").GetProperty("voters").GetInt32();
            phases.Add(new Phase(withReactions, votes, counted, tapped, used));
        }

        var acknowledged = warmTaps.Acknowledged + phases.Sum(p => p.Taps?.Acknowledged ?? 0);
        var shown = await projector.TotalReaches(acknowledged, TimeSpan.FromSeconds(15));
        var reported = await ReportedTotal(deployment, session, acknowledged);
        var without = Pooled(phases.Where(p => !p.WithReactions));
        var with = Pooled(phases.Where(p => p.WithReactions));
        var ratio = Stats.Percentile(with, 0.99) / Math.Max(1, Stats.Percentile(without, 0.99));
        var lost = phases.Sum(p => Math.Max(0, p.Votes.Acknowledged - p.Counted));
        var doubled = phases.Sum(p => Math.Max(0, p.Counted - p.Votes.Acknowledged));
        var failures = phases.Sum(p => p.Votes.Failures + (p.Taps?.Failed ?? 0)) + warmTaps.Failed;
        var tapsWith = phases.Where(p => p.Taps is not null).Select(p => p.Taps!).ToList();
        var over = ratio > options.MaxRatio;
        var cpuWithout = phases.Where(p => !p.WithReactions).Average(p => p.GatewayCpu.TotalMilliseconds);
        var cpuWith = phases.Where(p => p.WithReactions).Average(p => p.GatewayCpu.TotalMilliseconds);

        // | voters + reactors | flush | vote p50 / p99 without | vote p50 / p99 with | p99 ratio | votes lost / doubled |
        // reactions sent / acknowledged / rate-limited | bursts | projector total | report total | phones given a burst | gateway CPU per storm without / with |
        Console.WriteLine(
            $"| {options.Clients:N0} + {options.Clients:N0} | {(options.FlushMs is { } f ? $"{f} ms" : "default")} | " +
            $"{Stats.Percentile(without, 0.5):F0} / {Stats.Percentile(without, 0.99):F0} ms | {Stats.Percentile(with, 0.5):F0} / {Stats.Percentile(with, 0.99):F0} ms | " +
            $"{ratio:F2}{(over ? $" (over {options.MaxRatio:F1})" : "")} | {lost} / {doubled} | " +
            $"{tapsWith.Sum(t => t.Sent):N0} / {tapsWith.Sum(t => t.Acknowledged):N0} / {tapsWith.Sum(t => t.RateLimited):N0} | " +
            $"{projector.Bursts} | {(shown == acknowledged ? "exact" : $"{shown} of {acknowledged}")} | {(reported == acknowledged ? "exact" : $"{reported} of {acknowledged}")} | " +
            $"{leaked} | {cpuWithout:F0} / {cpuWith:F0} ms |");
        await facilitator.DisposeAsync();
        await HubClients.DisposeAll(voters.Concat(reactors));
        return !over && lost == 0 && doubled == 0 && failures == 0 && leaked == 0 && shown == acknowledged && reported == acknowledged ? 0 : 1;
    }

    private static async Task<string> NewPoll(HubConnection facilitator, string question)
    {
        var poll = (await facilitator.Call("CreatePoll", new { question, kind = "single", options = new[] { "oui", "non", "sans avis" } })).GetProperty("pollId").GetString()!;
        await facilitator.Call("OpenPoll", new { pollId = poll });
        return poll;
    }

    private static List<double> Pooled(IEnumerable<Phase> phases) => [.. phases.SelectMany(p => p.Votes.Acks).Order()];

    /// <summary>Every reactor taps every <see cref="TapEvery"/> (starting at a random moment) until the window ends; each tap is a hub call.</summary>
    private static async Task<Taps> Tap(IReadOnlyList<HubConnection> reactors, TimeSpan window)
    {
        int acknowledged = 0, limited = 0, failed = 0, sent = 0;
        var end = Stopwatch.GetTimestamp() + (long)(window.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(reactors.Select(async (reactor, i) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * TapEvery.TotalMilliseconds));
            for (var n = 0; Stopwatch.GetTimestamp() < end; n++)
            {
                var next = Task.Delay(TapEvery);
                Interlocked.Increment(ref sent);
                try
                {
                    await reactor.Call("React", new { kind = Kinds[(i + n) % Kinds.Length] });
                    Interlocked.Increment(ref acknowledged);
                }
                catch (RefusedCallException e) when (e.Code == RefusalCodes.RateLimited)
                {
                    Interlocked.Increment(ref limited);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                }
                await next;
            }
        }));
        return new Taps(acknowledged, limited, failed, sent);
    }

    /// <summary>The report's reaction total once it holds every acknowledged reaction (or what it holds after 15 s).</summary>
    private static async Task<int> ReportedTotal(Deployment deployment, CreatedSession session, int expected)
    {
        using var http = new HttpClient { BaseAddress = deployment.Gateway.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.FacilitatorKey);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var report = await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.JoinCode}/report");
            var total = report.GetProperty("reactions").GetProperty("total").GetInt32();
            if (total >= expected || DateTime.UtcNow > deadline)
            {
                return total;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The projector screen adding up the reaction bursts it receives.</summary>
    private sealed class BurstWatch : IAsyncDisposable
    {
        private readonly HubConnection _client;
        private int _total;
        private int _bursts;

        private BurstWatch(HubConnection client) => _client = client;

        public int Bursts => Volatile.Read(ref _bursts);

        public static async Task<BurstWatch> Join(Uri hub, CreatedSession session)
        {
            var client = HubClients.Build(hub);
            var watch = new BurstWatch(client);
            client.On<JsonElement>(ScreenEvents.Changes, _ => { });
            client.On<JsonElement>(ScreenEvents.Reactions, burst =>
            {
                Interlocked.Add(ref watch._total, burst.GetProperty("onsite").GetInt32() + burst.GetProperty("remote").GetInt32());
                Interlocked.Increment(ref watch._bursts);
            });
            await client.StartAsync();
            await client.Call("JoinSession", session.JoinCode, new { key = session.ProjectorKey });
            return watch;
        }

        /// <summary>The total shown once it reaches the expected one (or after the timeout).</summary>
        public async Task<int> TotalReaches(int expected, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (Volatile.Read(ref _total) < expected && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            // Two more burst intervals: a reaction shown twice would arrive by then.
            await Task.Delay(TimeSpan.FromSeconds(1));
            return Volatile.Read(ref _total);
        }

        public ValueTask DisposeAsync() => _client.DisposeAsync();
    }
}
