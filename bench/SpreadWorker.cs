using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// One of the one-session-over-two-gateways scenario's load generators (`bench spread-worker
/// plan.json`, started by <see cref="SpreadBenchmark"/>, one per server: a process holds at most
/// ~19,000 connections here). It connects its clients, 100 at a time, joins them to the session as
/// remote participants (the bare hub: connects only), then follows the orchestrator's orders
/// (<see cref="SpreadMessages"/>): fan-out rounds timed at its receivers, and a vote storm in
/// which client i votes for choice i % 3.
/// </summary>
public static class SpreadWorker
{
    public const int Choices = 3;
    private static readonly TimeSpan RoundPatience = TimeSpan.FromSeconds(30);

    public static async Task<int> Run(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            await Console.Error.WriteLineAsync("usage: bench spread-worker PLAN.json (started by `bench spread`)");
            return 2;
        }
        var orders = OrchestratorOrders.Listen();
        var plan = ProgrammeMessages.Parse<SpreadWorkerPlan>(await File.ReadAllTextAsync(args[0]));
        var hubs = plan.Hubs.Select(h => new Uri(h)).ToArray();
        var receivers = new FanoutBenchmark.Receiver[plan.Clients];
        var (clients, latencies) = await HubClients.JoinMany(plan.Clients, i => hubs[i % hubs.Length], async (client, i) =>
        {
            receivers[i] = new FanoutBenchmark.Receiver(client);
            client.On<JsonElement>(ScreenEvents.Changes, receivers[i].Saw);
            if (plan.JoinCode is { } code)
            {
                await client.Call("JoinSession", code, new { displayName = "P", mode = "remote" });
            }
        });
        var joined = Enumerable.Range(0, plan.Clients).Where(i => !double.IsNaN(latencies[i])).Select(i => receivers[i]).ToList();
        Say(SpreadMessages.Ready, new SpreadWorkerReady(joined.Count, plan.Clients - joined.Count));

        while (true)
        {
            var order = await orders.Reader.ReadAsync();
            var (tag, argument) = order.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? (order[..space], order[(space + 1)..].Trim()) : (order.Trim(), "");
            switch (tag)
            {
                case SpreadMessages.Arm:
                    joined.ForEach(r => r.Expect(argument));
                    Say(SpreadMessages.Armed, true);
                    break;
                case SpreadMessages.Sent:
                    Say(SpreadMessages.Arrived, await Arrivals(joined, long.Parse(argument, CultureInfo.InvariantCulture)));
                    break;
                case SpreadMessages.WarmUp:
                    await Storm.WarmUp([.. joined.Select(r => r.Client)], (client, i) =>
                        client.Call("Vote", new { pollId = argument, choices = new[] { i % 2 }, opId = $"warm-up-{plan.Worker}-{i}" }));
                    Say(SpreadMessages.Warmed, true);
                    break;
                case SpreadMessages.Vote:
                    Say(SpreadMessages.Voted, await Vote(plan, joined, argument));
                    break;
                case SpreadMessages.Done:
                    await HubClients.DisposeAll(clients);
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"Unknown order: {order}");
                    return 2;
            }
        }
    }

    /// <summary>Waits (up to 30 s) until every receiver has the armed message; latencies from the orchestrator's send.</summary>
    private static async Task<SpreadArrivals> Arrivals(List<FanoutBenchmark.Receiver> receivers, long sent)
    {
        var deadline = DateTime.UtcNow + RoundPatience;
        while (receivers.Any(r => r.ArrivedAt is null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
        var latencies = receivers.Where(r => r.ArrivedAt is not null).Select(r => Math.Round(Stopwatch.GetElapsedTime(sent, r.ArrivedAt!.Value).TotalMilliseconds, 1)).ToArray();
        return new SpreadArrivals(latencies, receivers.Count - latencies.Length);
    }

    private static async Task<SpreadWorkerVotes> Vote(SpreadWorkerPlan plan, List<FanoutBenchmark.Receiver> voters, string order)
    {
        var parts = order.Split(' ');
        var (poll, window) = (parts[0], TimeSpan.FromSeconds(double.Parse(parts[1], CultureInfo.InvariantCulture)));
        var acked = new bool[voters.Count];
        var storm = await Storm.Run([.. voters.Select(v => v.Client)], window, async (client, i) =>
        {
            await client.Call("Vote", new { pollId = poll, choices = new[] { i % Choices }, opId = $"vote-{plan.Worker}-{i}" });
            acked[i] = true;
        });
        var perChoice = new int[Choices];
        for (var i = 0; i < acked.Length; i++)
        {
            perChoice[i % Choices] += acked[i] ? 1 : 0;
        }
        return new SpreadWorkerVotes([.. storm.Acks.Select(a => Math.Round(a, 1))], storm.Failures, storm.LastAck, perChoice,
            new Dictionary<string, int>(storm.FailureKinds ?? new Dictionary<string, int>()));
    }

    private static void Say<T>(string tag, T payload) => Console.WriteLine(ProgrammeMessages.Line(tag, payload));
}
