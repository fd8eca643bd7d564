using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// Upvote storm: N participants of one session each upvote the same question once (with an
/// opId), at a random moment within ~10 s: every upvote lands on one counter of one session.
/// Before it, 1% of them upvote another question (<see cref="Storm.WarmUp"/>, not measured).
/// Reports the acknowledgement latency, upvotes acknowledged, lost (acknowledged but not in the
/// question's final votes in the facilitator's snapshot), doubled (in the final votes but not
/// acknowledged), and how long after the last acknowledgement the projector showed the exact
/// count. The question is the facilitator's, so it starts at 0 votes and needs no moderation.
/// With --storage postgres it runs on the cluster deployment, as the vote storm does.
/// </summary>
public static class UpvoteStormBenchmark
{
    public static async Task<int> Run(BenchOptions options)
    {
        await using var deployment = await Deployment.Start(options);
        var session = await deployment.CreateSession("Upvote");
        var hub = deployment.Hub;

        var facilitator = await HubClients.Join(hub, session.JoinCode, new { key = session.FacilitatorKey });
        await facilitator.Call("StartSession", new { });
        var warmUp = (await facilitator.Call("AskQuestion", new { text = "Échauffement ?" })).GetProperty("questionId").GetString()!;
        var question = (await facilitator.Call("AskQuestion", new { text = "Et la sobriété numérique ?" })).GetProperty("questionId").GetString()!;
        await using var projector = await ProjectorWatch.Join(hub, session, e => Votes(e, question));

        var voters = (await FanoutBenchmark.Connect(options.Clients, hub, c => c.Call("JoinSession", session.JoinCode, new { displayName = "P", mode = "remote" })))
            .Select(v => v.Client).ToList();
        await Storm.WarmUp(voters, (voter, i) => voter.Call("Upvote", new { questionId = warmUp, opId = $"warm-up-{i}" }));
        var storm = await Storm.Run(voters, TimeSpan.FromSeconds(10),
            (voter, i) => voter.Call("Upvote", new { questionId = question, opId = $"upvote-{i}" }));
        var lag = await projector.LagAfter(storm.LastAck, storm.Acknowledged);
        var snapshot = await facilitator.Call("GetSnapshot");
        var counted = snapshot.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == question).GetProperty("votes").GetInt32();
        Console.WriteLine(storm.Row(counted, lag));
        await facilitator.DisposeAsync();
        await HubClients.DisposeAll(voters);
        return counted == storm.Acknowledged && storm.Failures == 0 ? 0 : 1;
    }

    /// <summary>The question's votes in a change event: a votes change, or the whole question updated.</summary>
    private static int? Votes(JsonElement e, string question) => e.GetProperty("type").GetString() switch
    {
        "questionVotes" when e.GetProperty("questionId").GetString() == question => e.GetProperty("votes").GetInt32(),
        "questionUpdated" when e.GetProperty("question").GetProperty("id").GetString() == question => e.GetProperty("question").GetProperty("votes").GetInt32(),
        _ => null,
    };
}
