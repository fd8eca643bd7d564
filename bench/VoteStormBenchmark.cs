using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// Vote storm: N participants of one session each vote once, spread over ~10 s, after a warm-up
/// poll that 1% of them answer (<see cref="Storm.WarmUp"/>, not measured). Reports the
/// acknowledgement latency, losses and doubles (the final tally against the acknowledged
/// ballots), and how long after the last acknowledgement the projector showed the exact count.
/// With --storage postgres it runs on the cluster deployment (PostgreSQL with fsync on, one silo,
/// the gateway as an Orleans client) instead of the embedded gateway on SQLite.
/// </summary>
public static class VoteStormBenchmark
{
    public static async Task<int> Run(BenchOptions options)
    {
        await using var deployment = await Deployment.Start(options);
        var session = await deployment.CreateSession("Vote");
        var hub = deployment.Hub;

        var facilitator = await HubClients.Join(hub, session.JoinCode, new { key = session.FacilitatorKey });
        await facilitator.Call("StartSession", new { });
        var warmUp = (await facilitator.Call("CreatePoll", new { question = "Échauffement ?", kind = "single", options = new[] { "oui", "non" } })).GetProperty("pollId").GetString();
        var poll = (await facilitator.Call("CreatePoll", new { question = "Confiance ?", kind = "single", options = new[] { "oui", "non", "sans avis" } })).GetProperty("pollId").GetString();
        await facilitator.Call("OpenPoll", new { pollId = warmUp });
        await using var projector = await ProjectorWatch.Join(hub, session, e =>
            e.GetProperty("type").GetString() == "pollResults" ? e.GetProperty("results").GetProperty("voters").GetInt32() : null);

        var voters = (await FanoutBenchmark.Connect(options.Clients, hub, c => c.Call("JoinSession", session.JoinCode, new { displayName = "P", mode = "remote" })))
            .Select(v => v.Client).ToList();
        await Storm.WarmUp(voters, (voter, i) => voter.Call("Vote", new { pollId = warmUp, choices = new[] { i % 2 }, opId = $"warm-up-{i}" }));
        await facilitator.Call("ClosePoll", new { pollId = warmUp });
        await facilitator.Call("OpenPoll", new { pollId = poll });
        // Spread over ten seconds, as a room answering a poll on screen.
        var storm = await Storm.Run(voters, TimeSpan.FromSeconds(10),
            (voter, i) => voter.Call("Vote", new { pollId = poll, choices = new[] { i % 3 }, opId = $"vote-{i}" }));
        var lag = await projector.LagAfter(storm.LastAck, storm.Acknowledged);
        var snapshot = await facilitator.Call("GetSnapshot");
        var counted = snapshot.GetProperty("polls").EnumerateArray().Single(p => p.GetProperty("id").GetString() == poll).GetProperty("results").GetProperty("voters").GetInt32();
        Console.WriteLine(storm.Row(counted, lag));
        if (storm.Failures > 0)
        {
            Console.Error.WriteLine($"Failed votes: {Storm.Describe(storm.FailureKinds!)}.");
        }
        await facilitator.DisposeAsync();
        await HubClients.DisposeAll(voters);
        return counted == storm.Acknowledged && storm.Failures == 0 ? 0 : 1;
    }
}
